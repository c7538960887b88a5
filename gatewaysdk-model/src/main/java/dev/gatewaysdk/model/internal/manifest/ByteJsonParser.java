package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.json.PackageVersion;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A JSON parser over UTF-8 bytes for {@link FastJson}, with duplicate detection built in, as quick
 * as Jackson's own byte parser without it (1.1x on a 64-listener Gateway, level on a 16-rule route;
 * docs/benchmarks.md) because it does less. It keeps no locations (errors are worded by the located
 * tree path, which runs when this parser throws; {@link #getParsingContext()} is a snapshot built
 * on request), decodes an ASCII string in one copy instead of two, reads integers without a text
 * buffer, skips indentation eight bytes at a time, and hands out field names from a process-wide
 * table of interned strings ({@code Names}), which the codecs' {@code switch} statements then match
 * by identity.
 *
 * <p>It accepts exactly RFC 8259 JSON (as Jackson does with default features: no comments, no
 * trailing commas, no raw control characters in strings, no leading zeros) and throws {@link
 * JsonParseException} on anything else. It also rejects duplicate field names and nesting deeper
 * than the limit, and notes whether the top-level object has a string {@code apiVersion} and {@code
 * kind}. The input must be well-formed UTF-8, as {@link String#getBytes} with UTF-8 produces for
 * text without unpaired surrogates.
 */
public final class ByteJsonParser extends ParserMinimalBase {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long SPACES = 0x2020202020202020L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

  /** How many names one parser may add to the shared table ({@link Names}). */
  static final int MAX_NEW_NAMES = 256;

  private static final int NONE = 0;
  private static final int API_VERSION = 1;
  private static final int KIND = 2;

  private final byte[] buf;
  private final int end;
  private final int maxNestingDepth;
  private int pos;
  private boolean closed;

  /**
   * The open containers by nesting level (0 is the root): object or array, entries so far, current
   * field name.
   */
  private int depth;

  private boolean[] objects = new boolean[16];
  private int[] entries = new int[16];
  private String[] names = new String[16];

  /** The text of the current string or number token, or the current field name. */
  private String text;

  /**
   * The current integer, when the token is an integer that fits in a long and {@link #bigNumber} is
   * false.
   */
  private long number;

  private boolean bigNumber;

  private int pending = NONE;
  private int newNames;
  boolean sawApiVersion;
  boolean sawKind;

  /** Whether a float was read as infinite (out of range), which the located tree path rejects. */
  boolean sawInfinite;

  /**
   * Whether a string or name held a question mark: where the bytes came from {@link
   * String#getBytes}, it may stand for an unpaired surrogate of the text, which the caller then
   * checks for.
   */
  boolean sawQuestionMark;

  /**
   * Duplicate fields: by nesting level, the names of the open object there behind a 64-bit filter
   * by hash (cached in the canonical strings), so only a name whose bit is already set costs
   * comparisons. Objects with many fields switch to a hash set, so no input makes the check
   * quadratic.
   */
  private static final int LINEAR_LIMIT = 24;

  private String[][] seen = new String[16][];
  private long[] masks = new long[16];
  private Set<String>[] large;

  /**
   * A parser of {@code data}, which must be well-formed UTF-8, nesting at most {@code
   * maxNestingDepth} levels.
   */
  public ByteJsonParser(byte[] data, int maxNestingDepth) {
    super(0, StreamReadConstraints.defaults());
    this.buf = data;
    this.end = data.length;
    this.maxNestingDepth = maxNestingDepth;
  }

  // ---- tokens

  @Override
  public JsonToken nextToken() throws IOException {
    if (_currToken == JsonToken.FIELD_NAME) {
      JsonToken t = value(skipWhitespace());
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
      return _currToken = t;
    }
    int c = skipWhitespace();
    if (c < 0) {
      if (depth != 0) {
        throw error("unexpected end of input");
      }
      close();
      return _currToken = null;
    }
    if (c == '}' || c == ']') {
      return _currToken = closeContainer(c);
    }
    int d = depth;
    int index = entries[d]++;
    if (index > 0 && d > 0) { // root values follow each other without commas
      if (c != ',') {
        throw error("expected a comma");
      }
      pos++;
      c = skipWhitespace();
    }
    if (d == 0 || !objects[d]) {
      return _currToken = value(c);
    }
    if (c != '"') {
      throw error("expected a field name");
    }
    pos++;
    String name = name();
    if (pos >= end || buf[pos] != ':') {
      if (skipWhitespace() != ':') {
        throw error("expected a colon");
      }
    }
    pos++;
    names[d] = name;
    if (d == 1) {
      pending = name.equals("apiVersion") ? API_VERSION : name.equals("kind") ? KIND : NONE;
    }
    noteName(name, d, index);
    text = name;
    return _currToken = JsonToken.FIELD_NAME;
  }

  @Override
  public String nextFieldName() throws IOException {
    return nextToken() == JsonToken.FIELD_NAME ? text : null;
  }

  private JsonToken closeContainer(int c) throws IOException {
    if (depth == 0 || objects[depth] != (c == '}')) {
      throw error("mismatched close marker");
    }
    pos++;
    depth--;
    return c == '}' ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
  }

  private void open(boolean object) throws IOException {
    int d = ++depth;
    if (d > maxNestingDepth) {
      throw error("nesting too deep");
    }
    if (d == objects.length) {
      int size = d * 2;
      objects = Arrays.copyOf(objects, size);
      entries = Arrays.copyOf(entries, size);
      names = Arrays.copyOf(names, size);
    }
    objects[d] = object;
    entries[d] = 0;
    names[d] = null;
  }

  /** The value starting with {@code c} at {@link #pos}. */
  private JsonToken value(int c) throws IOException {
    switch (c) {
      case '"':
        pos++;
        text = string();
        return JsonToken.VALUE_STRING;
      case '{':
        pos++;
        open(true);
        return JsonToken.START_OBJECT;
      case '[':
        pos++;
        open(false);
        return JsonToken.START_ARRAY;
      case 't':
        literal("true");
        return JsonToken.VALUE_TRUE;
      case 'f':
        literal("false");
        return JsonToken.VALUE_FALSE;
      case 'n':
        literal("null");
        return JsonToken.VALUE_NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  private void literal(String word) throws IOException {
    int n = word.length();
    if (pos + n > end) {
      throw error("truncated literal");
    }
    for (int i = 1; i < n; i++) {
      if (buf[pos + i] != word.charAt(i)) {
        throw error("unexpected literal");
      }
    }
    pos += n;
    delimiter();
  }

  /** After a number or literal: white space, a comma, a close marker or the end. */
  private void delimiter() throws IOException {
    if (pos < end) {
      byte b = buf[pos];
      if (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        throw error("unexpected character after a value");
      }
    }
  }

  /** A number as the JSON grammar has it; integers up to 18 digits are read without a string. */
  private JsonToken number() throws IOException {
    int start = pos;
    int i = pos;
    boolean negative = buf[i] == '-';
    if (negative) {
      i++;
    }
    int digitsStart = i;
    long value = 0;
    while (i < end && buf[i] >= '0' && buf[i] <= '9') {
      value = value * 10 + (buf[i] - '0');
      i++;
    }
    int digits = i - digitsStart;
    if (digits == 0 || (digits > 1 && buf[digitsStart] == '0')) {
      throw error("malformed number");
    }
    boolean fraction = false;
    if (i < end && buf[i] == '.') {
      fraction = true;
      i = digits(i + 1);
    }
    if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
      fraction = true;
      i++;
      if (i < end && (buf[i] == '+' || buf[i] == '-')) {
        i++;
      }
      i = digits(i);
    }
    pos = i;
    delimiter();
    if (fraction) {
      text = new String(buf, start, i - start, StandardCharsets.ISO_8859_1);
      return JsonToken.VALUE_NUMBER_FLOAT;
    }
    if (digits <= 18) {
      number = negative ? -value : value;
      bigNumber = false;
      text = null;
    } else {
      text = new String(buf, start, i - start, StandardCharsets.ISO_8859_1);
      try {
        number = Long.parseLong(text);
        bigNumber = false;
      } catch (NumberFormatException e) {
        bigNumber = true;
      }
    }
    return JsonToken.VALUE_NUMBER_INT;
  }

  /** The index after the one or more digits from {@code i}. */
  private int digits(int i) throws IOException {
    int start = i;
    while (i < end && buf[i] >= '0' && buf[i] <= '9') {
      i++;
    }
    if (i == start) {
      throw error("malformed number");
    }
    return i;
  }

  /**
   * Skips white space to the next byte, returned (-1 at the end). The common cases are cheap: no
   * space or one (after a colon), and a line break with up to 16 spaces of indentation, counted
   * without a branch.
   */
  private int skipWhitespace() {
    int i = pos;
    if (i + 17 < end) {
      byte b = buf[i];
      if (b > ' ') {
        return b;
      }
      if (b == ' ' && (b = buf[i + 1]) > ' ') {
        pos = i + 1;
        return b;
      }
      if (b == '\n') {
        i++;
        int first = Long.numberOfTrailingZeros(word(i) ^ SPACES) >>> 3; // 8 when all are spaces
        int second = Long.numberOfTrailingZeros(word(i + 8) ^ SPACES) >>> 3;
        i += first + (second & -(first >>> 3));
        if ((b = buf[i]) > ' ') {
          pos = i;
          return b;
        }
      }
    }
    return skipWhitespaceRun(i);
  }

  /** Skips white space from {@code i}; runs of spaces (indentation) eight bytes at a time. */
  private int skipWhitespaceRun(int i) {
    while (i < end) {
      byte b = buf[i];
      if (b > ' ') {
        pos = i;
        return b;
      }
      if (b == ' ') {
        if (i + 8 <= end) {
          long others = word(i) ^ SPACES;
          i += others == 0 ? 8 : Long.numberOfTrailingZeros(others) >>> 3;
        } else {
          i++;
        }
      } else if (b == '\n' || b == '\r' || b == '\t') {
        i++;
      } else {
        pos = i;
        return b & 0xFF; // a control character or a non-ASCII byte: no token starts with it
      }
    }
    pos = end;
    return -1;
  }

  // ---- strings

  /** The string whose opening quote was just passed; ASCII without escapes is one copy. */
  private String string() throws IOException {
    int start = pos;
    int i = plainEnd(start);
    if (i < end && buf[i] == '"' || (i = closingQuote(i)) >= 0) {
      pos = i + 1;
      return new String(buf, start, i - start, StandardCharsets.ISO_8859_1);
    }
    return decodeString(start);
  }

  /** A field name: canonical when it is ASCII without escapes. */
  private String name() throws IOException {
    int start = pos;
    int i = plainEnd(start);
    if ((i < end && buf[i] == '"' || (i = closingQuote(i)) >= 0) && start + 8 <= end) {
      pos = i + 1;
      int length = i - start;
      long first = word(start);
      long last;
      if (length >= 8) {
        last = word(i - 8);
      } else {
        first &= (1L << (length << 3)) - 1;
        last = first;
      }
      String known = Names.find(buf, start, length, first, last);
      return known != null ? known : newName(start, length, first, last);
    }
    return decodeString(start);
  }

  /**
   * A name the shared table does not have. A document adds a few new names to the table at most, so
   * one with thousands of keys costs no more than their strings (adding interns each name, which
   * costs more).
   */
  private String newName(int start, int length, long first, long last) {
    if (newNames < MAX_NEW_NAMES) {
      newNames++;
      return Names.add(buf, start, length, first, last);
    }
    return new String(buf, start, length, StandardCharsets.ISO_8859_1);
  }

  /** The index of the first special byte ({@link #special}) from {@code i}, or the end. */
  private int plainEnd(int i) {
    while (i + 8 <= end) {
      long marks = special(word(i));
      if (marks != 0) {
        return i + (Long.numberOfTrailingZeros(marks) >>> 3);
      }
      i += 8;
    }
    byte b;
    while (i < end && (b = buf[i]) >= ' ' && b != '"' && b != '\\' && b != '?') {
      i++;
    }
    return i;
  }

  /**
   * The end of a string from {@code start} whose plain run stopped at {@code i}: past question
   * marks (noted in {@link #sawQuestionMark}), the index of its closing quote, or -1 when it needs
   * {@link #decodeString}.
   */
  private int closingQuote(int i) {
    while (i < end && buf[i] == '?') {
      sawQuestionMark = true;
      i = plainEnd(i + 1);
    }
    return i < end && buf[i] == '"' ? i : -1;
  }

  /**
   * The high bit set in each byte of {@code w} that is a quote, a backslash, a question mark, below
   * 0x20 or above 0x7F; exact for the lowest such byte. Each subtraction marks a byte that is zero
   * after the XOR (or below 0x20), and a borrow only ever marks bytes above a true mark. The {@code
   * & ~x} of the usual zero-byte test is not needed: it only removes marks on bytes above 0x7F,
   * which are marked anyway.
   */
  private static long special(long w) {
    return ((w ^ QUOTES) - ONES
            | (w ^ BACKSLASHES) - ONES
            | (w ^ QUESTION_MARKS) - ONES
            | w - SPACES
            | w)
        & HIGHS;
  }

  /** The eight bytes from {@code i}, the first in the lowest bits. */
  private long word(int i) {
    return (long) LONGS.get(buf, i);
  }

  /** The general case from {@code start}: escapes and multi-byte UTF-8 sequences. */
  private String decodeString(int start) throws IOException {
    StringBuilder sb = new StringBuilder(Math.max(16, (end - start) < 64 ? end - start : 64));
    int i = start;
    while (true) {
      if (i >= end) {
        throw error("unterminated string");
      }
      int b = buf[i++];
      if (b == '"') {
        pos = i;
        return sb.toString();
      }
      if (b == '\\') {
        if (i >= end) {
          throw error("unterminated escape");
        }
        int e = buf[i++];
        switch (e) {
          case '"':
            sb.append('"');
            break;
          case '\\':
            sb.append('\\');
            break;
          case '/':
            sb.append('/');
            break;
          case 'b':
            sb.append('\b');
            break;
          case 'f':
            sb.append('\f');
            break;
          case 'n':
            sb.append('\n');
            break;
          case 'r':
            sb.append('\r');
            break;
          case 't':
            sb.append('\t');
            break;
          case 'u':
            if (i + 4 > end) {
              throw error("truncated unicode escape");
            }
            int cp = 0;
            for (int k = 0; k < 4; k++) {
              int d = Character.digit(buf[i++], 16);
              if (d < 0) {
                throw error("malformed unicode escape");
              }
              cp = (cp << 4) | d;
            }
            sb.append((char) cp);
            break;
          default:
            throw error("unknown escape");
        }
      } else if (b >= 0) {
        if (b < ' ') {
          throw error("control character in a string");
        }
        sawQuestionMark |= b == '?';
        sb.append((char) b);
      } else {
        i = utf8(b & 0xFF, i, sb);
      }
    }
  }

  /**
   * Appends the code point whose lead byte {@code lead} came before {@code i}; returns the index
   * after it.
   */
  private int utf8(int lead, int i, StringBuilder sb) throws IOException {
    int more;
    int cp;
    int min;
    if ((lead & 0xE0) == 0xC0) {
      more = 1;
      cp = lead & 0x1F;
      min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      more = 2;
      cp = lead & 0x0F;
      min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      more = 3;
      cp = lead & 0x07;
      min = 0x10000;
    } else {
      throw error("invalid UTF-8");
    }
    if (i + more > end) {
      throw error("truncated UTF-8");
    }
    for (int k = 0; k < more; k++) {
      int c = buf[i++] & 0xFF;
      if ((c & 0xC0) != 0x80) {
        throw error("invalid UTF-8");
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw error("invalid UTF-8");
    }
    sb.appendCodePoint(cp);
    return i;
  }

  private JsonParseException error(String message) {
    return new JsonParseException(this, message + " at byte " + pos);
  }

  // ---- values

  @Override
  public String getText() {
    JsonToken t = _currToken;
    if (t == JsonToken.VALUE_STRING
        || t == JsonToken.FIELD_NAME
        || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return text;
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return text != null ? text : Long.toString(number);
    }
    return t == null ? null : t.asString();
  }

  @Override
  public char[] getTextCharacters() {
    String s = getText();
    return s == null ? null : s.toCharArray();
  }

  @Override
  public boolean hasTextCharacters() {
    return false;
  }

  @Override
  public int getTextLength() {
    String s = getText();
    return s == null ? 0 : s.length();
  }

  @Override
  public int getTextOffset() {
    return 0;
  }

  @Override
  public byte[] getBinaryValue(Base64Variant variant) throws IOException {
    if (_currToken != JsonToken.VALUE_STRING) {
      throw error("not a string");
    }
    return variant.decode(text);
  }

  @Override
  public NumberType getNumberType() throws IOException {
    if (_currToken == JsonToken.VALUE_NUMBER_INT) {
      return bigNumber
          ? NumberType.BIG_INTEGER
          : number == (int) number ? NumberType.INT : NumberType.LONG;
    }
    if (_currToken == JsonToken.VALUE_NUMBER_FLOAT) {
      return NumberType.DOUBLE;
    }
    throw error("not a number");
  }

  @Override
  public Number getNumberValue() throws IOException {
    switch (getNumberType()) {
      case INT:
        return (int) number;
      case LONG:
        return number;
      case BIG_INTEGER:
        return new BigInteger(text);
      default:
        return getDoubleValue();
    }
  }

  @Override
  public int getIntValue() throws IOException {
    if (_currToken == JsonToken.VALUE_NUMBER_INT && !bigNumber && number == (int) number) {
      return (int) number;
    }
    throw error("not an int");
  }

  @Override
  public long getLongValue() throws IOException {
    if (_currToken == JsonToken.VALUE_NUMBER_INT && !bigNumber) {
      return number;
    }
    throw error("not a long");
  }

  @Override
  public BigInteger getBigIntegerValue() throws IOException {
    if (_currToken == JsonToken.VALUE_NUMBER_INT) {
      return bigNumber ? new BigInteger(text) : BigInteger.valueOf(number);
    }
    throw error("not an integer");
  }

  @Override
  public float getFloatValue() throws IOException {
    return (float) getDoubleValue();
  }

  @Override
  public double getDoubleValue() throws IOException {
    if (_currToken == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = Double.parseDouble(text);
      sawInfinite |= Double.isInfinite(d);
      return d;
    }
    if (_currToken == JsonToken.VALUE_NUMBER_INT) {
      return bigNumber ? new BigInteger(text).doubleValue() : (double) number;
    }
    throw error("not a number");
  }

  @Override
  public BigDecimal getDecimalValue() throws IOException {
    if (_currToken == JsonToken.VALUE_NUMBER_FLOAT) {
      return new BigDecimal(text);
    }
    if (_currToken == JsonToken.VALUE_NUMBER_INT) {
      return bigNumber ? new BigDecimal(text) : BigDecimal.valueOf(number);
    }
    throw error("not a number");
  }

  // ---- state

  @Override
  public String getCurrentName() {
    JsonToken t = _currToken;
    int d = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? depth - 1 : depth;
    return d > 0 && objects[d] ? names[d] : null;
  }

  @Override
  public String currentName() {
    return getCurrentName();
  }

  @Override
  public void overrideCurrentName(String name) {
    if (depth > 0 && objects[depth]) {
      names[depth] = name;
    }
  }

  /** A snapshot of where the parser is, built on request (error paths only ask). */
  @Override
  public JsonStreamContext getParsingContext() {
    JsonReadContext c = JsonReadContext.createRootContext(null);
    for (int d = 0; d <= depth; d++) {
      if (d > 0) {
        c = objects[d] ? c.createChildObjectContext(-1, -1) : c.createChildArrayContext(-1, -1);
      }
      for (int i = 0; i < entries[d]; i++) {
        c.expectComma();
      }
      if (d > 0 && objects[d] && names[d] != null) {
        try {
          c.setCurrentName(names[d]);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return c;
  }

  @Override
  public JsonLocation getCurrentLocation() {
    return JsonLocation.NA;
  }

  @Override
  public JsonLocation getTokenLocation() {
    return JsonLocation.NA;
  }

  @Override
  protected void _handleEOF() throws JsonParseException {
    if (depth != 0) {
      throw error("unexpected end of input");
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public ObjectCodec getCodec() {
    return null;
  }

  @Override
  public void setCodec(ObjectCodec codec) {
    throw new UnsupportedOperationException("no codec");
  }

  @Override
  public Version version() {
    return PackageVersion.VERSION;
  }

  /** Thrown when an object names a field twice. */
  static final class Duplicate extends JsonParseException {
    private static final long serialVersionUID = 1L;

    Duplicate(String name) {
      super(null, "duplicate field " + name);
    }
  }

  /**
   * Notes field {@code name}, the {@code index}th of the object at level {@code level}; throws on a
   * duplicate.
   */
  private void noteName(String name, int level, int index) throws Duplicate {
    int hash = name.hashCode();
    long bit = 1L << ((hash * 0x9E3779B9) >>> 26); // the top 6 bits of a multiplicative hash
    if (level < seen.length && seen[level] != null) {
      if (index == 0) {
        masks[level] = bit;
        seen[level][0] = name;
        if (large != null && level < large.length) {
          large[level] = null;
        }
        return;
      }
      long mask = masks[level];
      if ((mask & bit) == 0 && index < LINEAR_LIMIT) {
        masks[level] = mask | bit;
        seen[level][index] = name;
        return;
      }
    }
    rareName(name, level, index, hash, bit);
  }

  @SuppressWarnings("unchecked")
  private void rareName(String name, int level, int index, int hash, long bit) throws Duplicate {
    if (level >= seen.length) {
      int size = Math.max(seen.length * 2, level + 1);
      seen = Arrays.copyOf(seen, size);
      masks = Arrays.copyOf(masks, size);
    }
    if (seen[level] == null || index == 0) {
      if (seen[level] == null) {
        seen[level] = new String[LINEAR_LIMIT];
      }
      seen[level][0] = name;
      masks[level] = bit;
      if (large != null && level < large.length) {
        large[level] = null;
      }
      return;
    }
    if (large != null && level < large.length && large[level] != null) {
      if (!large[level].add(name)) {
        throw new Duplicate(name);
      }
      return;
    }
    String[] names = seen[level];
    if ((masks[level] & bit) != 0) {
      for (int i = 0; i < index; i++) {
        if (names[i] == name || names[i].hashCode() == hash && names[i].equals(name)) {
          throw new Duplicate(name);
        }
      }
    }
    if (index < LINEAR_LIMIT) {
      masks[level] |= bit;
      names[index] = name;
      return;
    }
    // many fields: a hash set from here on, so the check stays linear
    if (large == null || level >= large.length) {
      large =
          large == null
              ? new Set[Math.max(16, level + 1)]
              : Arrays.copyOf(large, Math.max(large.length * 2, level + 1));
    }
    Set<String> set = new HashSet<>(Arrays.asList(names));
    set.add(name);
    large[level] = set;
    masks[level] = -1L; // every further name takes this path, to the set
  }
}
