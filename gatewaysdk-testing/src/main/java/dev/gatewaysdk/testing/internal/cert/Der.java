package dev.gatewaysdk.testing.internal.cert;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The few DER encodings an X.509 v3 certificate needs (ITU-T X.690). */
public final class Der {
  private Der() {}

  public static byte[] tlv(int tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] c : contents) {
      body.writeBytes(c);
    }
    byte[] b = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = b.length;
    if (len < 0x80) {
      out.write(len);
    } else {
      int n = (32 - Integer.numberOfLeadingZeros(len) + 7) / 8;
      out.write(0x80 | n);
      for (int i = n - 1; i >= 0; i--) {
        out.write((len >>> (8 * i)) & 0xff);
      }
    }
    out.writeBytes(b);
    return out.toByteArray();
  }

  public static byte[] sequence(byte[]... contents) {
    return tlv(0x30, contents);
  }

  public static byte[] set(byte[]... contents) {
    return tlv(0x31, contents);
  }

  public static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  public static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0x00)});
  }

  public static byte[] octetString(byte[] value) {
    return tlv(0x04, value);
  }

  /** A BIT STRING with no unused bits. */
  public static byte[] bitString(byte[] value) {
    byte[] b = new byte[value.length + 1];
    System.arraycopy(value, 0, b, 1, value.length);
    return tlv(0x03, b);
  }

  public static byte[] utf8(String s) {
    return tlv(0x0c, s.getBytes(StandardCharsets.UTF_8));
  }

  /** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5). */
  public static byte[] time(ZonedDateTime t) {
    ZonedDateTime utc = t.withZoneSameInstant(ZoneOffset.UTC);
    if (utc.getYear() < 2050) {
      return tlv(
          0x17,
          utc.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'"))
              .getBytes(StandardCharsets.US_ASCII));
    }
    return tlv(
        0x18,
        utc.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'"))
            .getBytes(StandardCharsets.US_ASCII));
  }

  /** Context-specific tag {@code n}, constructed (explicit tagging). */
  public static byte[] explicit(int n, byte[]... contents) {
    return tlv(0xa0 | n, contents);
  }

  /** Context-specific tag {@code n}, primitive (implicit tagging of a string). */
  public static byte[] implicit(int n, byte[] value) {
    return tlv(0x80 | n, value);
  }

  public static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long v = Long.parseLong(parts[i]);
      int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
      for (int g = groups - 1; g >= 0; g--) {
        int b = (int) ((v >>> (7 * g)) & 0x7f);
        out.write(g == 0 ? b : b | 0x80);
      }
    }
    return tlv(0x06, out.toByteArray());
  }
}
