package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link LabelSelector}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class LabelSelectorShortcuts {
  LabelSelectorShortcuts() {}

  /** A selector that requires all of {@code labels}. */
  public static LabelSelector matchingLabels(java.util.Map<String, String> labels) {
    return LabelSelector.builder().matchLabels(labels).build();
  }
}
