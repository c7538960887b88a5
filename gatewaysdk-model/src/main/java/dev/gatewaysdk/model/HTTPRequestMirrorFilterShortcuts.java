package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link HTTPRequestMirrorFilter}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * HTTPRequestMirrorFilter's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPRequestMirrorFilter tenPercent = HTTPRequestMirrorFilter.builder()
 *     .backendRef(BackendObjectReference.service("shadow", 8080)).percent(10).build();
 * }</pre>
 */
abstract class HTTPRequestMirrorFilterShortcuts {
  HTTPRequestMirrorFilterShortcuts() {}

  @Value.Check
  void check() {
    if (self().percent().isPresent()) {
      Checks.percent(self().percent().get());
    }
  }

  /** Mirrors all requests to {@code backend}. */
  public static HTTPRequestMirrorFilter of(BackendObjectReference backend) {
    return HTTPRequestMirrorFilter.builder().backendRef(backend).build();
  }

  private HTTPRequestMirrorFilter self() {
    return (HTTPRequestMirrorFilter) this;
  }
}
