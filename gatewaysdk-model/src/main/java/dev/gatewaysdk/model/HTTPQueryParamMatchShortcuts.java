package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPQueryParamMatch}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator).
 */
abstract class HTTPQueryParamMatchShortcuts {
  HTTPQueryParamMatchShortcuts() {}

  /** Query parameter {@code name} equal to {@code value}. */
  public static HTTPQueryParamMatch of(String name, String value) {
    return HTTPQueryParamMatch.builder().name(name).value(value).build();
  }
}
