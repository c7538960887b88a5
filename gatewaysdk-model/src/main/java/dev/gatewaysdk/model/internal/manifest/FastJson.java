package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of reading one typed object from JSON text: binds straight from the token stream
 * with the strict mapper, without a tree or locations. It only ever answers for the plain case and
 * gives up (returns null) on anything else, so the located tree path, which runs next, alone words
 * every error.
 *
 * <p>Speed: the text is parsed as UTF-8 bytes by {@link ByteJsonParser}, which keeps no locations,
 * reads ASCII strings in one copy and hands out canonical field names, and which also finds
 * duplicate fields.
 */
public final class FastJson {
  private FastJson() {}

  /**
   * {@code text} bound to {@code type}, or null when the text is not one plain JSON object of that
   * kind within the limits, carrying a string {@code apiVersion} and {@code kind}, without
   * duplicate fields. The caller still checks the API version.
   */
  public static <T> T read(String text, Class<T> type, int maxDocumentChars, int maxNestingDepth) {
    if (text.length() > maxDocumentChars || !startsWithObject(text)) {
      return null;
    }
    return read(text.getBytes(StandardCharsets.UTF_8), text, type, maxNestingDepth);
  }

  /**
   * As {@link #read(String, Class, int, int)} for UTF-8 bytes, such as a file's, whose size the
   * caller has checked; null also for bytes that are not well-formed UTF-8 or start with a byte
   * order mark.
   */
  public static <T> T read(byte[] utf8, Class<T> type, int maxNestingDepth) {
    return read(utf8, null, type, maxNestingDepth);
  }

  /**
   * {@code utf8} bound to {@code type}; {@code text}, if given, is what the bytes were encoded
   * from.
   */
  private static <T> T read(byte[] utf8, String text, Class<T> type, int maxNestingDepth) {
    ByteJsonParser p = new ByteJsonParser(utf8, maxNestingDepth);
    try {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      T value = ObjectBinding.read(p, type);
      if (value == null
          || !p.sawApiVersion
          || !p.sawKind
          || p.sawInfinite
          || p.nextToken() != null) {
        return null;
      }
      // the encoder writes '?' for an unpaired surrogate; the tree path keeps it (or reports it)
      if (text != null && p.sawQuestionMark && hasUnpairedSurrogate(text)) {
        return null;
      }
      return value;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithObject(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        return true;
      }
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    return false;
  }
}
