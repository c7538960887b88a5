package dev.gatewaysdk.canary;

/** How a canary that passed every step ends. */
public enum Promotion {
  /** The canary takes 100%; the stable backend stays in the route at weight 0 (the default). */
  KEEP_STABLE,
  /**
   * The canary takes 100%, then the {@link Canary.Builder#swap swap action} makes the stable
   * backend serve the new version, and the weights return to stable 100, canary 0.
   */
  SWAP,
  /** The canary takes 100% and the stable backend is removed from the rules that had both. */
  REMOVE_STABLE
}
