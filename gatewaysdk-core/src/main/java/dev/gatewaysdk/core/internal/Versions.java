package dev.gatewaysdk.core.internal;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes API version priority: GA before beta before alpha, higher numbers first; others last
 * by name.
 */
public final class Versions {
  private static final Pattern KUBE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  /** Best (most preferred) version first. */
  public static final Comparator<String> PRIORITY = Versions::compare;

  private Versions() {}

  static int compare(String a, String b) {
    Matcher ma = KUBE.matcher(a);
    Matcher mb = KUBE.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka ? -1 : kb ? 1 : a.compareTo(b);
    }
    int sa = stability(ma.group(2));
    int sb = stability(mb.group(2));
    if (sa != sb) {
      return Integer.compare(sb, sa);
    }
    int major = Integer.compare(Integer.parseInt(mb.group(1)), Integer.parseInt(ma.group(1)));
    if (major != 0 || ma.group(3) == null) {
      return major;
    }
    return Integer.compare(Integer.parseInt(mb.group(3)), Integer.parseInt(ma.group(3)));
  }

  private static int stability(String s) {
    return s == null ? 2 : "beta".equals(s) ? 1 : 0;
  }

  /**
   * Compares releases such as {@code v1.5.0} and {@code v1.10.2}; pre-release suffixes sort before
   * the release. Returns a negative number when {@code a} is older.
   */
  public static int compareReleases(String a, String b) {
    int[] x = release(a);
    int[] y = release(b);
    for (int i = 0; i < 4; i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return 0;
  }

  private static int[] release(String r) {
    int[] out = {0, 0, 0, 1};
    String s = r.startsWith("v") ? r.substring(1) : r;
    int dash = s.indexOf('-');
    if (dash >= 0) {
      out[3] = 0;
      s = s.substring(0, dash);
    }
    String[] parts = s.split("\\.");
    for (int i = 0; i < Math.min(3, parts.length); i++) {
      try {
        out[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        out[i] = 0;
      }
    }
    return out;
  }
}
