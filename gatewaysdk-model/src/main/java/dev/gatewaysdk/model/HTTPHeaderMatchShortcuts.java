package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPHeaderMatch}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class HTTPHeaderMatchShortcuts {
  HTTPHeaderMatchShortcuts() {}

  /** Header {@code name} equal to {@code value}. */
  public static HTTPHeaderMatch of(String name, String value) {
    return HTTPHeaderMatch.builder().name(name).value(value).build();
  }
}
