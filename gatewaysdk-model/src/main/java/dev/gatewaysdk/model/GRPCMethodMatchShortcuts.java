package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link GRPCMethodMatch}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class GRPCMethodMatchShortcuts {
  GRPCMethodMatchShortcuts() {}

  /** Exactly {@code service}/{@code method}. */
  public static GRPCMethodMatch exact(String service, String method) {
    return GRPCMethodMatch.builder().service(service).method(method).build();
  }
}
