package dev.gatewaysdk.core.validation.internal;

/**
 * Builds field paths as the API server prints them: {@code spec.rules[0].matches}, {@code
 * metadata.labels[app]}.
 */
public final class FieldPath {
  private FieldPath() {}

  public static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  public static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  public static String key(String parent, String key) {
    return parent + "[" + key + "]";
  }
}
