package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPHeader}, which extends this class; the rest is generated from
 * the CRD schema (gatewaysdk-model-generator).
 */
abstract class HTTPHeaderShortcuts {
  HTTPHeaderShortcuts() {}

  /** The header {@code name: value}. */
  public static HTTPHeader of(String name, String value) {
    return HTTPHeader.builder().name(name).value(value).build();
  }
}
