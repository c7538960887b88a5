package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The shared Jackson mappers of the SDK, configured for the model (Optional support, unknown fields
 * kept).
 *
 * <p>Mappers are thread-safe once configured; callers must not reconfigure the shared instances.
 * Use {@link ObjectMapper#copy()} for a variant.
 */
public final class Json {
  private static final JsonMapper JSON = configure(JsonMapper.builder()).build();
  private static final YAMLMapper YAML =
      configure(
              YAMLMapper.builder(
                  YAMLFactory.builder()
                      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                      .build()))
          .build();

  private Json() {}

  /** The shared JSON mapper. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  /** The shared YAML mapper (block style, no document start marker, minimal quoting). */
  public static YAMLMapper yaml() {
    return YAML;
  }

  private static <
          M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>>
      B configure(B b) {
    return b.addModule(new Jdk8Module());
  }
}
