package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/** Writes JSON trees as Kubernetes-style YAML (block style, minimal quotes) and indented JSON. */
public final class ManifestWriters {
  private static final ObjectWriter YAML = new YAMLMapper(
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

  private static final ObjectWriter JSON;
  /** As {@link #JSON}, but through the model's codecs, so typed objects need no tree first. */
  private static final ObjectWriter TYPED_JSON;

  static {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    JSON = new ObjectMapper().writer(printer);
    TYPED_JSON = dev.gatewaysdk.model.internal.Json.mapper().writer(printer);
  }

  private ManifestWriters() {}

  /**
   * Quotes, beyond Jackson's defaults, every string a YAML 1.1 or 1.2 reader (kubectl's go-yaml
   * included) could take for a number, a boolean, null or a merge key: {@code 1e3}, {@code 0x10},
   * {@code 0o17}, {@code 1_000}, {@code .inf}, {@code 1:30}, {@code <<}, {@code =}.
   */
  static final class KubernetesQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern NUMBER_LIKE = Pattern.compile(
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

  /** A typed Gateway API object as indented JSON with a trailing newline, exactly as {@link #json} of its tree. */
  public static String typedJson(Object typed) throws JsonProcessingException {
    java.io.StringWriter out = new java.io.StringWriter(4096);
    try {
      TYPED_JSON.writeValue(out, typed);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }

  /** Indented JSON with a trailing newline. */
  public static String json(JsonNode tree) throws JsonProcessingException {
    return JSON.writeValueAsString(tree) + "\n";
  }
}
