package dev.gatewaysdk.canary;

/** Where a rollout is. PROMOTED, ROLLED_BACK and ABORTED are terminal. */
public enum Phase {
  /** Steps are running. */
  PROGRESSING,
  /**
   * Waiting for {@code resume} or {@code promote}: a manual gate, a {@code pause} command, an
   * external edit.
   */
  PAUSED,
  /**
   * Every step passed; the canary serves the traffic (or the stable backend does, after a swap).
   */
  PROMOTED,
  /** A check failed, a route change was refused or not accepted in time: 100% stable again. */
  ROLLED_BACK,
  /**
   * Aborted by command or by an external edit under {@link ExternalEditPolicy#ABORT}: 100% stable
   * again.
   */
  ABORTED;

  public boolean terminal() {
    return this == PROMOTED || this == ROLLED_BACK || this == ABORTED;
  }
}
