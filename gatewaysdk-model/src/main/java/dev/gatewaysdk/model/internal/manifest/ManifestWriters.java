package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Writes JSON trees as Kubernetes-style YAML (block style, minimal quotes) and indented JSON. */
public final class ManifestWriters {
  private static final ObjectWriter YAML =
      new YAMLMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  // "2.0" or "080" must stay strings when read back
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .stringQuotingChecker(new KubernetesQuoting())
                  .build())
          .writer();

  /** Indented JSON of trees. */
  private static final ObjectWriter JSON;

  /** Compact JSON of trees. */
  private static final ObjectWriter COMPACT_JSON = new ObjectMapper().writer();

  /**
   * As {@link #JSON}, but through the model's codecs, so typed objects need no tree first; by type.
   */
  private static final ClassValue<ObjectWriter> TYPED_JSON;

  /** As {@link #COMPACT_JSON}, through the model's codecs, by type. */
  private static final ClassValue<ObjectWriter> TYPED_COMPACT_JSON;

  static {
    IndentingPrinter printer = new IndentingPrinter();
    JSON = new ObjectMapper().writer(printer);
    ObjectMapper model = dev.gatewaysdk.model.internal.Json.mapper();
    // a writer for the value's own type resolves its serializer once, not on every write
    TYPED_JSON =
        new ClassValue<>() {
          @Override
          protected ObjectWriter computeValue(Class<?> type) {
            return model.writerFor(type).with(printer);
          }
        };
    TYPED_COMPACT_JSON =
        new ClassValue<>() {
          @Override
          protected ObjectWriter computeValue(Class<?> type) {
            return model.writerFor(type);
          }
        };
  }

  private ManifestWriters() {}

  /**
   * Quotes, beyond Jackson's defaults, every string a YAML 1.1 or 1.2 reader (kubectl's go-yaml
   * included) could take for a number, a boolean, null or a merge key: {@code 1e3}, {@code 0x10},
   * {@code 0o17}, {@code 1_000}, {@code .inf}, {@code 1:30}, {@code <<}, {@code =}.
   */
  static final class KubernetesQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern NUMBER_LIKE =
        Pattern.compile(
            "[-+]?(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
                + "|[-+]?0[xXoObB][0-9a-fA-F_]+"
                + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                + "|<<|=");

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || NUMBER_LIKE.matcher(name).matches();
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
    }
  }

  /** One YAML document without a leading {@code ---}, ending in a newline. */
  public static String yaml(JsonNode tree) throws JsonProcessingException {
    return YAML.writeValueAsString(tree);
  }

  /**
   * A typed Gateway API object as JSON, exactly as {@link #json} or {@link #compactJson} of its
   * tree: indented with a trailing newline, or compact on one line without one.
   */
  public static String typedJson(Object typed, boolean indent) throws JsonProcessingException {
    return write((indent ? TYPED_JSON : TYPED_COMPACT_JSON).get(typed.getClass()), typed, indent);
  }

  /** Indented JSON with a trailing newline. */
  public static String json(JsonNode tree) throws JsonProcessingException {
    return write(JSON, tree, true);
  }

  /** Compact JSON on one line, without a trailing newline. */
  public static String compactJson(JsonNode tree) throws JsonProcessingException {
    return write(COMPACT_JSON, tree, false);
  }

  /**
   * Writes through Jackson's UTF-8 generator into a plain byte buffer and decodes once: quicker
   * than its char generator into a {@code StringWriter}, and the trailing newline costs no extra
   * copy.
   */
  private static String write(ObjectWriter writer, Object value, boolean newline)
      throws JsonProcessingException {
    Utf8Buffer out = Utf8Buffer.acquire();
    try {
      try (JsonGenerator g = writer.createGenerator(out, JsonEncoding.UTF8)) {
        writer.writeValue(g, value);
        if (newline) {
          g.writeRaw('\n');
        }
      }
      return out.decode();
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException(e); // an in-memory buffer does not fail
    } finally {
      out.release();
    }
  }

  /** An unsynchronized in-memory byte sink, reused by its thread while it stays small. */
  private static final class Utf8Buffer extends OutputStream {
    private static final int KEPT = 256 * 1024;
    private static final ThreadLocal<Utf8Buffer> FREE = new ThreadLocal<>();
    private byte[] bytes = new byte[8192];
    private int count;

    static Utf8Buffer acquire() {
      Utf8Buffer b = FREE.get();
      if (b == null) {
        return new Utf8Buffer();
      }
      FREE.set(null); // a nested write, if any, gets its own
      b.count = 0;
      return b;
    }

    void release() {
      if (bytes.length <= KEPT) {
        FREE.set(this);
      }
    }

    @Override
    public void write(int b) {
      if (count == bytes.length) {
        bytes = Arrays.copyOf(bytes, count * 2);
      }
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > bytes.length - count) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + len));
      }
      System.arraycopy(b, off, bytes, count, len);
      count += len;
    }

    String decode() {
      return new String(bytes, 0, count, StandardCharsets.UTF_8);
    }
  }
}
