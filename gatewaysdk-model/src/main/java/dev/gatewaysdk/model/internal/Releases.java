package dev.gatewaysdk.model.internal;

import java.util.regex.Pattern;

/**
 * Gateway API release names ({@code v1.5.0}, {@code v1.5.0-rc.1}), as every module's options check
 * them.
 */
public final class Releases {
  private static final Pattern RELEASE = Pattern.compile("v\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?");

  private Releases() {}

  /**
   * {@code release} itself.
   *
   * @throws IllegalArgumentException unless it looks like {@value ReleaseTable#LATEST}
   */
  public static String require(String release) {
    if (release == null || !RELEASE.matcher(release).matches()) {
      throw new IllegalArgumentException(
          "release must look like " + ReleaseTable.LATEST + ": " + release);
    }
    return release;
  }
}
