package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The fast path of reading one typed object from JSON text: binds straight from the token stream with
 * the strict mapper, without a tree or locations. It only ever answers for the plain case and gives up
 * (returns null) on anything else, so the located tree path, which runs next, alone words every error.
 *
 * <p>Speed: the text is parsed as UTF-8 bytes (Jackson's byte parser is quicker than its char parser),
 * and duplicate fields are found by a small per-object name list instead of Jackson's hash-set based
 * detection; objects with many fields switch to a hash set, so no input makes the check quadratic.
 */
public final class FastJson {
  private static final JsonFactory DEFAULT_FACTORY = factory(100);

  private FastJson() {}

  private static JsonFactory factory(int maxNestingDepth) {
    return new WatchingFactory((JsonFactoryBuilder) new JsonFactoryBuilder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build()));
  }

  /** Creates {@link Watching} parsers for byte input, which is all this class gives it. */
  private static final class WatchingFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    WatchingFactory(JsonFactoryBuilder b) {
      super(b);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) {
      // UTF-8 without a byte order mark: the text was a Java string starting with '{'
      return new Watching(ctxt, _parserFeatures, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
          data, offset, offset + len);
    }
  }

  /**
   * {@code text} bound to {@code type}, or null when the text is not one plain JSON object of that
   * kind within the limits, carrying a string {@code apiVersion} and {@code kind}, without duplicate
   * fields. The caller still checks the API version.
   */
  public static <T> T read(String text, Class<T> type, int maxDocumentChars, int maxNestingDepth) {
    if (text.length() > maxDocumentChars || !startsWithObject(text)) {
      return null;
    }
    JsonFactory factory = maxNestingDepth == 100 ? DEFAULT_FACTORY : factory(maxNestingDepth);
    try (Watching p = (Watching) factory.createParser(text.getBytes(StandardCharsets.UTF_8))) {
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

  /** Thrown when an object names a field twice; the tree path then reports it with its location. */
  static final class Duplicate extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Duplicate() {
      super(null, null, false, false);
    }
  }

  /**
   * Sees every token: notes whether the top-level object has a string apiVersion and kind (the codecs
   * accept them absent) and rejects duplicate fields. Every method that moves the parser goes through
   * {@link #nextToken()} or {@link #nextFieldName()}, so nothing is skipped unseen. A subclass of Jackson's
   * UTF-8 parser rather than a delegate, so reading values costs no extra call.
   */
  static final class Watching extends UTF8StreamJsonParser {
    /** Above this many fields an object's names move to a hash set. */
    private static final int LINEAR_LIMIT = 24;
    private static final int NONE = 0;
    private static final int API_VERSION = 1;
    private static final int KIND = 2;
    int pending = NONE;
    boolean sawApiVersion;
    boolean sawKind;
    /** Field names of the open objects, innermost last; {@code starts[d]} is where object d's names begin. */
    private String[] names = new String[64];
    private int top;
    private int[] starts = new int[16];
    /** Per open object, a bit per name hash seen (see {@link #name}). */
    private long[] masks = new long[16];
    /** Open objects; arrays do not count. */
    private int depth;
    /** The names of an open object with many fields, by depth; null for the others. */
    private Set<String>[] large;

    Watching(IOContext ctxt, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols, byte[] data, int start,
        int end) {
      super(ctxt, features, null, codec, symbols, data, start, end, false);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = super.nextToken();
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
      if (t == JsonToken.FIELD_NAME) {
        name(currentName());
      } else if (t == JsonToken.START_OBJECT) {
        openObject();
      } else if (t == JsonToken.END_OBJECT) {
        closeObject();
      }
      return t;
    }

    @Override
    public String nextFieldName() throws IOException {
      String name = super.nextFieldName();
      if (name != null) {
        pending = NONE;
        name(name);
      } else {
        // not a name: account for the token as nextToken would
        JsonToken t = currentToken();
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
        if (t == JsonToken.START_OBJECT) {
          openObject();
        } else if (t == JsonToken.END_OBJECT) {
          closeObject();
        }
      }
      return name;
    }

    @Override
    public boolean nextFieldName(SerializableString str) throws IOException {
      return nextFieldName() != null && str.getValue().equals(currentName());
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken t = nextToken();
      return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    @Override
    public String nextTextValue() throws IOException {
      return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
      JsonToken t = nextToken();
      return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
      JsonToken t = currentToken();
      if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
        return this;
      }
      int open = 1;
      while (open > 0) {
        t = nextToken();
        if (t == null) {
          return this;
        }
        if (t.isStructStart()) {
          open++;
        } else if (t.isStructEnd()) {
          open--;
        }
      }
      return this;
    }

    private void openObject() {
      if (depth == starts.length) {
        starts = Arrays.copyOf(starts, depth * 2);
        masks = Arrays.copyOf(masks, depth * 2);
      }
      masks[depth] = 0;
      starts[depth++] = top;
    }

    private void closeObject() {
      if (depth == 0) {
        return;
      }
      depth--;
      top = starts[depth];
      if (large != null && depth < large.length) {
        large[depth] = null;
      }
    }

    /** Notes a field name of the innermost open object; small enough to inline, the rest is {@link #rareName}. */
    private void name(String name) {
      int level = depth - 1;
      if (level <= 0) {
        if (level < 0) {
          return;
        }
        pending = name.equals("apiVersion") ? API_VERSION : name.equals("kind") ? KIND : NONE;
      }
      // a 64-bit filter by hash (cached in the canonical name strings the parser hands out): a name whose
      // bit is not yet set is new; only a bit already set, or a large object, takes the slow path
      int hash = name.hashCode();
      long bit = 1L << ((hash * 0x9E3779B9) >>> 26); // the top 6 bits of a multiplicative hash
      long mask = masks[level];
      if ((mask & bit) == 0 && top - starts[level] < LINEAR_LIMIT && top < names.length) {
        masks[level] = mask | bit;
        names[top++] = name;
        return;
      }
      rareName(name, level, hash, bit);
    }

    @SuppressWarnings("unchecked")
    private void rareName(String name, int level, int hash, long bit) {
      if (large != null && level < large.length && large[level] != null) {
        if (!large[level].add(name)) {
          throw new Duplicate();
        }
        return;
      }
      int start = starts[level];
      if ((masks[level] & bit) != 0) {
        for (int i = start; i < top; i++) {
          String seen = names[i];
          if (seen == name || seen.hashCode() == hash && seen.equals(name)) {
            throw new Duplicate();
          }
        }
      }
      if (top - start < LINEAR_LIMIT) {
        masks[level] |= bit;
        if (top == names.length) {
          names = Arrays.copyOf(names, top * 2);
        }
        names[top++] = name;
        return;
      }
      // many fields: a hash set from here on, so the check stays linear
      if (large == null || level >= large.length) {
        large = large == null ? new Set[Math.max(8, level + 1)] : Arrays.copyOf(large, Math.max(large.length * 2, level + 1));
      }
      Set<String> set = new HashSet<>(Arrays.asList(names).subList(start, top));
      set.add(name);
      large[level] = set;
      masks[level] = -1L; // every further name takes the slow path, to the set
    }
  }
}
