package dev.gatewaysdk.core;

/** How a delete treats dependents ({@code propagationPolicy}). */
public enum PropagationPolicy {
  ORPHAN("Orphan"),
  BACKGROUND("Background"),
  FOREGROUND("Foreground");

  private final String value;

  PropagationPolicy(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }
}
