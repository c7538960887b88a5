package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link Condition}, which extends this class; the rest is generated from
 * the CRD schema (gatewaysdk-model-generator). The example below is copied into Condition's Javadoc
 * by the generator.
 *
 * <pre>{@code
 * Condition accepted = Condition.builder().type("Accepted").status(ConditionStatus.TRUE)
 *     .reason("Accepted").message("").lastTransitionTime("2024-01-01T00:00:00Z").build();
 * }</pre>
 */
abstract class ConditionShortcuts {
  ConditionShortcuts() {}

  /** Whether this condition's status is {@code True}. */
  public boolean isTrue() {
    return ConditionStatus.TRUE.equals(self().status());
  }

  private Condition self() {
    return (Condition) this;
  }
}
