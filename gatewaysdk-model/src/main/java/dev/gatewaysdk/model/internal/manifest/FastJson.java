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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fast path of reading one typed object from JSON text: binds straight from the token stream with
 * the strict mapper, without a tree or locations. It only ever answers for the plain case and gives up
 * (returns null) on anything else, so the located tree path, which runs next, alone words every error.
 *
 * <p>Speed: the text is parsed as UTF-8 bytes (Jackson's byte parser is quicker than its char parser) by a
 * subclass of that parser, and duplicate fields are found by a per-object name list behind a 64-bit hash
 * filter instead of Jackson's hash-set based detection; objects with many fields switch to a hash set, so
 * no input makes the check quadratic. Factories are built once per nesting limit.
 */
public final class FastJson {
  private static final JsonFactory DEFAULT_FACTORY = factory(100);

  /** Factories of readers with other nesting limits; a few at most in practice, so at most 32 are kept. */
  private static final ConcurrentHashMap<Integer, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

  private FastJson() {}

  private static JsonFactory factoryFor(int maxNestingDepth) {
    JsonFactory f = FACTORIES.get(maxNestingDepth);
    if (f == null) {
      f = factory(maxNestingDepth);
      if (FACTORIES.size() < 32) {
        FACTORIES.putIfAbsent(maxNestingDepth, f);
      }
    }
    return f;
  }

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
    JsonFactory factory = maxNestingDepth == 100 ? DEFAULT_FACTORY : factoryFor(maxNestingDepth);
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
   * Sees every field name: notes whether the top-level object has a string apiVersion and kind (the codecs
   * accept them absent) and rejects duplicate fields. Every method that moves the parser goes through
   * {@link #nextToken()} or {@link #nextFieldName()}, so no name passes unseen. A subclass of Jackson's
   * UTF-8 parser rather than a delegate, so reading values costs no extra call; the names of each open
   * object are kept by nesting level, and a field at index 0 starts a new object at its level.
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
    /** By nesting level: the names of the open object there, how many, and a bit per name hash seen. */
    private String[][] names = new String[16][];
    private int[] counts = new int[16];
    private long[] masks = new long[16];
    /** The names of an open object with many fields, by level; null for the others. */
    private Set<String>[] large;

    Watching(IOContext ctxt, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols, byte[] data, int start,
        int end) {
      super(ctxt, features, null, codec, symbols, data, start, end, false);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = super.nextToken();
      if (pending != NONE) {
        valueOfPending(t);
      }
      if (t == JsonToken.FIELD_NAME) {
        name(currentName());
      }
      return t;
    }

    @Override
    public String nextFieldName() throws IOException {
      String name = super.nextFieldName();
      if (pending != NONE) {
        valueOfPending(currentToken());
      }
      if (name != null) {
        name(name);
      }
      return name;
    }

    private void valueOfPending(JsonToken t) {
      if (t == JsonToken.VALUE_STRING) {
        if (pending == API_VERSION) {
          sawApiVersion = true;
        } else {
          sawKind = true;
        }
      }
      pending = NONE;
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

    /** Notes a field name of the innermost open object; small enough to inline, the rest is {@link #rareName}. */
    private void name(String name) {
      int level = _parsingContext.getNestingDepth();
      if (level == 1) {
        pending = name.equals("apiVersion") ? API_VERSION : name.equals("kind") ? KIND : NONE;
      }
      // a 64-bit filter by hash (cached in the canonical name strings the parser hands out): a name whose
      // bit is not yet set is new; only a bit already set, or a large object, takes the slow path
      int hash = name.hashCode();
      long bit = 1L << ((hash * 0x9E3779B9) >>> 26); // the top 6 bits of a multiplicative hash
      if (level < names.length && names[level] != null) {
        int count = counts[level];
        if (_parsingContext.getCurrentIndex() == 0) {
          // the first field of a new object at this level
          masks[level] = bit;
          counts[level] = 1;
          names[level][0] = name;
          if (large != null && level < large.length) {
            large[level] = null;
          }
          return;
        }
        long mask = masks[level];
        if ((mask & bit) == 0 && count < LINEAR_LIMIT) {
          masks[level] = mask | bit;
          names[level][count] = name;
          counts[level] = count + 1;
          return;
        }
      }
      rareName(name, level, hash, bit);
    }

    @SuppressWarnings("unchecked")
    private void rareName(String name, int level, int hash, long bit) {
      if (level >= names.length) {
        int size = Math.max(names.length * 2, level + 1);
        names = Arrays.copyOf(names, size);
        counts = Arrays.copyOf(counts, size);
        masks = Arrays.copyOf(masks, size);
      }
      if (names[level] == null || _parsingContext.getCurrentIndex() == 0) {
        if (names[level] == null) {
          names[level] = new String[LINEAR_LIMIT];
        }
        names[level][0] = name;
        counts[level] = 1;
        masks[level] = bit;
        if (large != null && level < large.length) {
          large[level] = null;
        }
        return;
      }
      if (large != null && level < large.length && large[level] != null) {
        if (!large[level].add(name)) {
          throw new Duplicate();
        }
        return;
      }
      String[] seen = names[level];
      int count = counts[level];
      if ((masks[level] & bit) != 0) {
        for (int i = 0; i < count; i++) {
          if (seen[i] == name || seen[i].hashCode() == hash && seen[i].equals(name)) {
            throw new Duplicate();
          }
        }
      }
      if (count < LINEAR_LIMIT) {
        masks[level] |= bit;
        seen[count] = name;
        counts[level] = count + 1;
        return;
      }
      // many fields: a hash set from here on, so the check stays linear
      if (large == null || level >= large.length) {
        large = large == null ? new Set[Math.max(16, level + 1)] : Arrays.copyOf(large, Math.max(large.length * 2, level + 1));
      }
      Set<String> set = new HashSet<>(Arrays.asList(seen));
      set.add(name);
      large[level] = set;
      masks[level] = -1L; // every further name takes the slow path, to the set
    }
  }
}
