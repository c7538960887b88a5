package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Binds trees to the typed Gateway API model and back; the one place that knows the typed kinds. */
public final class ObjectBinding {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ObjectBinding() {}

  /** The typed class for {@code kind} of the Gateway API group, if the model has one. */
  public static Optional<Class<?>> typeFor(String group, String kind) {
    return Optional.empty();
  }

  /** The kind a typed class stands for, if it is one. */
  public static Optional<String> kindOf(Class<?> type) {
    return Optional.empty();
  }

  /** Binds {@code tree} to {@code type}. */
  public static <T> T bind(ObjectNode tree, Class<T> type) throws JsonMappingException {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      throw e;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null, e.getOriginalMessage(), e);
    }
  }

  /** The tree of a typed object. */
  public static ObjectNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
