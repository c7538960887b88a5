package dev.gatewaysdk.model;

import java.util.Locale;

/** A Gateway API release channel: the standard channel, or the experimental superset. */
public enum Channel {
  STANDARD,
  EXPERIMENTAL;

  /** The channel's name as the release assets and CRD annotations spell it: {@code standard}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code standard} or {@code experimental}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Channel parse(String text) {
    for (Channel c : values()) {
      if (c.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException("channel must be standard or experimental: " + text);
  }
}
