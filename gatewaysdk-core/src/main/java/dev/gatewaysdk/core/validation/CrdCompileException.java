package dev.gatewaysdk.core.validation;

/**
 * A CRD could not be compiled: malformed, or one of its {@code x-kubernetes-validations} rules does
 * not compile. The message names the CRD, the schema path and the rule.
 */
public final class CrdCompileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String crdName;
  private final String rule;

  public CrdCompileException(String crdName, String rule, String message, Throwable cause) {
    super(message, cause);
    this.crdName = crdName;
    this.rule = rule;
  }

  /** The CRD's {@code metadata.name}, e.g. {@code httproutes.gateway.networking.k8s.io}. */
  public String crdName() {
    return crdName;
  }

  /** The rule that did not compile, or null when the CRD itself is malformed. */
  public String rule() {
    return rule;
  }
}
