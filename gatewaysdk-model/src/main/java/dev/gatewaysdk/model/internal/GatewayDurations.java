package dev.gatewaysdk.model.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts between {@link Duration} and the Gateway API duration format: one to four components of
 * up to five digits with unit {@code h}, {@code m}, {@code s} or {@code ms}, such as {@code 1h30m}
 * or {@code 500ms}.
 */
public final class GatewayDurations {
  private static final Pattern FORMAT = Pattern.compile("^([0-9]{1,5}(h|m|s|ms)){1,4}$");
  private static final Pattern PART = Pattern.compile("([0-9]{1,5})(ms|h|m|s)");

  private GatewayDurations() {}

  /**
   * The shortest Gateway API spelling of {@code duration}, such as {@code 1h30m}; sub-millisecond
   * parts are dropped.
   *
   * @throws IllegalArgumentException if the duration is negative or has more than 99999 hours
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    long h = millis / 3_600_000;
    long m = millis / 60_000 % 60;
    long s = millis / 1000 % 60;
    long ms = millis % 1000;
    if (h > 99_999) {
      throw new IllegalArgumentException("duration must be below 100000h: " + duration);
    }
    StringBuilder sb = new StringBuilder();
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (m > 0) {
      sb.append(m).append('m');
    }
    if (s > 0) {
      sb.append(s).append('s');
    }
    if (ms > 0) {
      sb.append(ms).append("ms");
    }
    return sb.toString();
  }

  /**
   * Parses a Gateway API duration such as {@code 1h30m} or {@code 250ms}.
   *
   * @throws IllegalArgumentException if {@code text} is not in the Gateway API duration format
   */
  public static Duration parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      throw new IllegalArgumentException("duration must look like 1h30m, 10s or 500ms: " + text);
    }
    Duration d = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "h":
          d = d.plusHours(n);
          break;
        case "m":
          d = d.plusMinutes(n);
          break;
        case "s":
          d = d.plusSeconds(n);
          break;
        default:
          d = d.plusMillis(n);
      }
    }
    return d;
  }
}
