package dev.gatewaysdk.canary;

/** What a rollout does when someone else (GitOps, a person) changed the weights it manages. */
public enum ExternalEditPolicy {
  /** Pause the rollout; {@code resume} writes the rollout's weights back and continues (the default). */
  PAUSE,
  /** Roll back to 100% stable. */
  ABORT,
  /** Write the rollout's weights back and continue. */
  REASSERT
}
