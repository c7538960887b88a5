package dev.gatewaysdk.core.validation.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The string formats the API server checks in structural schemas (kube-openapi's strfmt registry),
 * and the IP parsing the Kubernetes CEL libraries use. Formats not listed (int32, int64, ...) are
 * not checked, as on the server. No method ever resolves a name.
 */
public final class Formats {
  private static final Pattern HOSTNAME =
      Pattern.compile(
          "^[a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)(\\.[a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?))*$");
  private static final Pattern UUID =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern MAC =
      Pattern.compile(
          "^([0-9A-Fa-f]{2}[:-]){5,19}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{4}\\.){2,9}[0-9A-Fa-f]{4}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private static final Pattern DURATION =
      Pattern.compile(
          "^(\\d+(\\.\\d+)?\\s*(ns|us|µs|ms|s|m|h|d|w|sec|second|seconds|min|minute|minutes|hour|hours|day|days|week|weeks)\\s*)+$");

  private Formats() {}

  /** Whether {@code value} satisfies {@code format}; unknown formats pass. */
  public static boolean matches(String format, String value) {
    switch (format) {
      case "ipv4":
        return parseIPv4(value, true) != null;
      case "ipv6":
        return value.contains(":") && parseIPv6(value) != null;
      case "cidr":
        return isCidr(value, true);
      case "hostname":
        return value.length() <= 255 && HOSTNAME.matcher(value).matches();
      case "uuid":
      case "uuid3":
      case "uuid4":
      case "uuid5":
        return UUID.matcher(value).matches();
      case "mac":
        return MAC.matcher(value).matches();
      case "email":
        return EMAIL.matcher(value).matches();
      case "uri":
        try {
          return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
          return false;
        }
      case "byte":
        try {
          Base64.getDecoder().decode(value);
          return true;
        } catch (IllegalArgumentException e) {
          return false;
        }
      case "date":
        try {
          LocalDate.parse(value);
          return true;
        } catch (DateTimeParseException e) {
          return false;
        }
      case "date-time":
      case "datetime":
        try {
          OffsetDateTime.parse(value.replace(' ', 'T').replace('t', 'T').replace('z', 'Z'));
          return true;
        } catch (DateTimeParseException e) {
          return false;
        }
      case "duration":
        return DURATION.matcher(value).matches();
      default:
        return true;
    }
  }

  /**
   * Parses dotted-quad IPv4; {@code sloppy} allows leading zeros as Go's ParseIPSloppy. Null if
   * invalid.
   */
  public static byte[] parseIPv4(String s, boolean sloppy) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      if (!sloppy && p.length() > 1 && p.charAt(0) == '0') {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  /** Parses an IPv6 address (with an optional embedded IPv4 tail, no zone). Null if invalid. */
  public static byte[] parseIPv6(String s) {
    if (s.isEmpty() || s.contains("%")) {
      return null;
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    String head = dbl >= 0 ? s.substring(0, dbl) : s;
    String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
    int[] headGroups = groups(head, dbl < 0 || tail.isEmpty());
    int[] tailGroups = dbl >= 0 ? groups(tail, true) : new int[0];
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (dbl < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    int pos = 0;
    for (int g : headGroups) {
      out[pos++] = (byte) (g >> 8);
      out[pos++] = (byte) g;
    }
    pos = 16 - tailGroups.length * 2;
    for (int g : tailGroups) {
      out[pos++] = (byte) (g >> 8);
      out[pos++] = (byte) g;
    }
    return out;
  }

  /** Hex groups of one side of "::"; the last group may be an IPv4 tail when {@code allowV4}. */
  private static int[] groups(String side, boolean allowV4) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    int extra = 0;
    byte[] v4 = null;
    if (allowV4 && parts[parts.length - 1].contains(".")) {
      v4 = parseIPv4(parts[parts.length - 1], false);
      if (v4 == null) {
        return null;
      }
      extra = 1;
    }
    int n = parts.length - (v4 == null ? 0 : 1);
    int[] out = new int[n + extra * 2];
    for (int i = 0; i < n; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      try {
        out[i] = Integer.parseInt(p, 16);
      } catch (NumberFormatException e) {
        return null;
      }
      if (p.startsWith("+") || p.startsWith("-")) {
        return null;
      }
    }
    if (v4 != null) {
      out[n] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
      out[n + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
    }
    return out;
  }

  /**
   * Whether {@code s} is an IP address as the Kubernetes CEL {@code isIP} sees it (no leading
   * zeros, no zone).
   */
  public static boolean isIP(String s) {
    if (s.contains(":")) {
      byte[] b = parseIPv6(s);
      if (b == null) {
        return false;
      }
      // IPv4-mapped IPv6 addresses are rejected by the Kubernetes IP library.
      return !(s.contains(".") && isV4Mapped(b));
    }
    return parseIPv4(s, false) != null;
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  /** Whether {@code s} is {@code ip/prefix}; {@code sloppy} allows IPv4 leading zeros. */
  public static boolean isCidr(String s, boolean sloppy) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = s.substring(0, slash);
    String prefix = s.substring(slash + 1);
    if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int bits = Integer.parseInt(prefix);
    if (ip.contains(":")) {
      return parseIPv6(ip) != null && bits <= 128;
    }
    return parseIPv4(ip, sloppy) != null && bits <= 32;
  }
}
