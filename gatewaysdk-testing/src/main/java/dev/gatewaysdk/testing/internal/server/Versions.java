package dev.gatewaysdk.testing.internal.server;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes version priority: GA before beta before alpha, higher numbers first, others last by
 * name.
 */
final class Versions {
  private static final Pattern KUBE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  static final Comparator<String> PRIORITY =
      (a, b) -> {
        Matcher ma = KUBE.matcher(a);
        Matcher mb = KUBE.matcher(b);
        boolean ka = ma.matches();
        boolean kb = mb.matches();
        if (ka != kb) {
          return ka ? -1 : 1;
        }
        if (!ka) {
          return a.compareTo(b);
        }
        int sa = stability(ma.group(2));
        int sb = stability(mb.group(2));
        if (sa != sb) {
          return Integer.compare(sb, sa);
        }
        int c = Integer.compare(Integer.parseInt(mb.group(1)), Integer.parseInt(ma.group(1)));
        if (c != 0 || ma.group(3) == null) {
          return c;
        }
        return Integer.compare(Integer.parseInt(mb.group(3)), Integer.parseInt(ma.group(3)));
      };

  private Versions() {}

  private static int stability(String s) {
    return s == null ? 2 : s.equals("beta") ? 1 : 0;
  }
}
