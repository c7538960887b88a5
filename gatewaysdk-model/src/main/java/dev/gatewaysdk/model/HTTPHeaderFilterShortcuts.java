package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link HTTPHeaderFilter}, which extends this class; the rest is
 * generated from the CRD schema (gatewaysdk-model-generator). The example below is copied into
 * HTTPHeaderFilter's Javadoc by the generator.
 *
 * <pre>{@code
 * HTTPHeaderFilter f = HTTPHeaderFilter.builder().setHeader("x-env", "canary").removeHeader("x-debug").build();
 * }</pre>
 */
abstract class HTTPHeaderFilterShortcuts {
  HTTPHeaderFilterShortcuts() {}

  /** The shortcuts of {@link HTTPHeaderFilter.Builder}, which implements this interface. */
  interface Builder {
    /** Sets header {@code name} to {@code value}, replacing any existing value. */
    default HTTPHeaderFilter.Builder setHeader(String name, String value) {
      return self().addSet(HTTPHeader.of(name, value));
    }

    /** Adds {@code value} to header {@code name}. */
    default HTTPHeaderFilter.Builder addHeader(String name, String value) {
      return self().addAdd(HTTPHeader.of(name, value));
    }

    /** Removes header {@code name}. */
    default HTTPHeaderFilter.Builder removeHeader(String name) {
      return self().addRemove(name);
    }

    private HTTPHeaderFilter.Builder self() {
      return (HTTPHeaderFilter.Builder) this;
    }
  }
}
