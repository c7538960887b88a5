package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * The fast path of reading one typed object from JSON text: binds straight from the token stream with
 * the strict mapper, without a tree or locations. It only ever answers for the plain case and gives up
 * (returns null) on anything else, so the located tree path, which runs next, alone words every error.
 */
public final class FastJson {
  private static final JsonFactory DEFAULT_FACTORY = factory(100);

  private FastJson() {}

  private static JsonFactory factory(int maxNestingDepth) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build())
        // the tree path rejects duplicate fields; so must this one
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /**
   * {@code text} bound to {@code type}, or null when the text is not one plain JSON object of that
   * kind within the limits, carrying a string {@code apiVersion} and {@code kind}. The caller still
   * checks the API version.
   */
  public static <T> T read(String text, Class<T> type, int maxDocumentChars, int maxNestingDepth) {
    if (text.length() > maxDocumentChars || !startsWithObject(text)) {
      return null;
    }
    JsonFactory factory = maxNestingDepth == 100 ? DEFAULT_FACTORY : factory(maxNestingDepth);
    try (Watching p = new Watching(factory.createParser(text))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      T value = ObjectBinding.read(p, type);
      if (value == null || !p.sawApiVersion || !p.sawKind || p.nextToken() != null) {
        return null;
      }
      return value;
    } catch (IOException | RuntimeException e) {
      return null;
    }
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

  /** Notes whether the top-level object has a string apiVersion and kind (the codecs accept them absent). */
  private static final class Watching extends JsonParserDelegate {
    private static final int NONE = 0;
    private static final int API_VERSION = 1;
    private static final int KIND = 2;
    int pending = NONE;
    boolean sawApiVersion;
    boolean sawKind;

    Watching(JsonParser d) {
      super(d);
    }

    @Override
    public String nextFieldName() throws IOException {
      String name = delegate.nextFieldName();
      if (name != null && delegate.getParsingContext().getNestingDepth() == 1) {
        pending = name.equals("apiVersion") ? API_VERSION : name.equals("kind") ? KIND : NONE;
      }
      return name;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = delegate.nextToken();
      if (pending != NONE) {
        if (t == JsonToken.VALUE_STRING) {
          if (pending == API_VERSION) {
            sawApiVersion = true;
          } else {
            sawKind = true;
          }
        }
        pending = NONE;
      }
      return t;
    }
  }
}
