package dev.gatewaysdk.canary;

/**
 * What a rollout does when someone else (GitOps, a person) changed the weights it manages; checked
 * in every phase (also at pauses and manual gates) and before a queued command runs.
 */
public enum ExternalEditPolicy {
  /**
   * Pause the rollout and report the edit (reason, Warning Event) once; {@code resume} or {@code
   * promote} writes the rollout's weights back and continues (the default).
   */
  PAUSE,
  /** Roll back to 100% stable. */
  ABORT,
  /** Write the rollout's weights back and continue. */
  REASSERT
}
