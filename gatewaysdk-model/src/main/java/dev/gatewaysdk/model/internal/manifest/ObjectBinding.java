package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.model.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds trees to the typed Gateway API model and back through the model's shared mapper, the one
 * place that knows which kinds are typed. The mapper has no default typing, so input never picks a
 * Java class.
 */
public final class ObjectBinding {
  /**
   * The model's mapper, but as strict about scalar types as the API server: {@code "80"} is no
   * integer, {@code 1.5} no integer, {@code 80} no string, {@code "true"} no boolean.
   */
  private static final ObjectMapper STRICT = strict(Json.mapper().copy());

  /**
   * Fast readers of {@link #STRICT} by type, so a read finds its root deserializer without a
   * lookup. They read a kind's metadata and spec straight into its builders ({@link
   * dev.gatewaysdk.model.internal.KindCodec#FAST}).
   */
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return STRICT
              .readerFor(type)
              .withAttribute(dev.gatewaysdk.model.internal.KindCodec.FAST, Boolean.TRUE);
        }
      };

  private ObjectBinding() {}

  private static ObjectMapper strict(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType type :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** The typed class for {@code kind} of {@code group}, if the model has one. */
  public static Optional<Class<?>> typeFor(String group, String kind) {
    if (!GatewayApiKind.GROUP.equals(group)) {
      return Optional.empty();
    }
    return GatewayApiKind.ofKind(kind).map(GatewayApiKind::type);
  }

  /** The kind a typed class stands for, if it is one. */
  public static Optional<String> kindOf(Class<?> type) {
    return KINDS.get(type);
  }

  private static final ClassValue<Optional<String>> KINDS =
      new ClassValue<>() {
        @Override
        protected Optional<String> computeValue(Class<?> type) {
          if (!GatewayApiObject.class.isAssignableFrom(type)) {
            return Optional.empty();
          }
          return GatewayApiKind.of(type).map(GatewayApiKind::kind);
        }
      };

  /**
   * A binding failure with the path of the offending field, taken from the parser where it stopped.
   */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Object> path;

    Failure(List<Object> path, JsonMappingException cause) {
      super(cause.getOriginalMessage(), cause, false, false);
      this.path = List.copyOf(path);
    }

    /** Field names ({@code String}) and array indexes ({@code Integer}) from the document root. */
    public List<Object> path() {
      return path;
    }

    @Override
    public synchronized JsonMappingException getCause() {
      return (JsonMappingException) super.getCause();
    }
  }

  /**
   * Binds {@code tree} to {@code type}.
   *
   * @throws Failure with the path where binding stopped
   */
  public static <T> T bind(ObjectNode tree, Class<T> type) throws Failure {
    JsonParser parser = STRICT.treeAsTokens(tree);
    try {
      return STRICT.readValue(parser, type);
    } catch (JsonMappingException e) {
      throw new Failure(path(parser, e), e);
    } catch (IOException e) {
      JsonMappingException wrapped = JsonMappingException.fromUnexpectedIOE(e);
      throw new Failure(path(parser, wrapped), wrapped);
    } finally {
      try {
        parser.close();
      } catch (IOException e) {
        // a tree parser holds no resources
      }
    }
  }

  /**
   * The path where the parser stopped: exact even when the failing deserializer did not record its
   * position in the exception. Falls back to the exception's reference chain.
   */
  private static List<Object> path(JsonParser parser, JsonMappingException e) {
    List<Object> path = new ArrayList<>();
    JsonStreamContext c = parser.getParsingContext();
    while (c != null && !c.inRoot()) {
      if (c.inObject() && c.getCurrentName() != null) {
        path.add(0, c.getCurrentName());
      } else if (c.inArray() && c.getEntryCount() > 0) {
        path.add(0, c.getCurrentIndex());
      }
      c = c.getParent();
    }
    if (!path.isEmpty() || e.getPath().isEmpty()) {
      return path;
    }
    for (JsonMappingException.Reference ref : e.getPath()) {
      path.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
    }
    return path;
  }

  /**
   * The fast path of reading one typed object from JSON text: binds straight from Jackson's token
   * stream with the strict mapper, without a tree or locations. It answers only for the plain case
   * and gives up (returns null) on anything else, so the located tree path, which runs next, alone
   * words every error: {@code text} must be one JSON object of {@code type}'s kind within the
   * limits, with a string {@code apiVersion} and {@code kind}, no field twice in one object and no
   * number out of a double's range (the codecs check these). The caller still checks the API
   * version.
   */
  public static <T> T readPlain(String text, Class<T> type, ReadLimits limits) {
    if (text.length() > limits.maxDocumentChars || !startsWithObject(text)) {
      return null;
    }
    // Jackson's parser over the text's chars: with the names matched rather than decoded (the
    // codecs' nextFieldName(SerializableString)), it reads faster here than its UTF-8 parser over
    // the
    // encoded bytes, copies each string value once, and keeps an unpaired surrogate as the tree
    // path
    // does
    try (JsonParser p = limits.plainJson.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      T value = READERS.get(type).readValue(p);
      return value == null || p.nextToken() != null ? null : value;
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

  /** The tree of a typed object. */
  public static ObjectNode tree(Object value) {
    return Json.mapper().valueToTree(value);
  }
}
