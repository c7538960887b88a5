package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import dev.gatewaysdk.model.GatewayApiObject;
import java.io.IOException;

/**
 * The one serializer and deserializer the public model types name in their {@code
 * JsonSerialize}/{@code JsonDeserialize} annotations, so any {@code ObjectMapper} binds them
 * through the model's streaming codecs while the codecs themselves stay package-private: the writer
 * looks up the codec of the value's class, the reader specializes itself per target type ({@link
 * Reader#createContextual}), once per type and mapper.
 */
public final class ModelCodec {
  private ModelCodec() {}

  /** The codec writer of a model class or its generated implementation class. */
  private static final ClassValue<JsonSerializer<?>> WRITERS =
      new ClassValue<>() {
        @Override
        protected JsonSerializer<?> computeValue(Class<?> type) {
          if (GatewayApiObject.class.isAssignableFrom(type)) {
            return KindCodec.WRITER;
          }
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            JsonSerializer<?> writer = ValueCodecs.WRITERS.get(c);
            if (writer != null) {
              return writer;
            }
          }
          return null;
        }
      };

  /** The serializer named by every model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<Object> {
    @Override
    @SuppressWarnings("unchecked")
    public void serialize(Object v, JsonGenerator g, SerializerProvider p) throws IOException {
      JsonSerializer<Object> writer = (JsonSerializer<Object>) WRITERS.get(v.getClass());
      if (writer == null) {
        throw JsonMappingException.from(g, "not a Gateway API model type: " + v.getClass());
      }
      writer.serialize(v, g, p);
    }
  }

  /**
   * The deserializer named by every model type's {@code @JsonDeserialize}: Jackson asks it for a
   * reader of the target type ({@link #createContextual}), which it answers with that type's codec.
   */
  public static final class Reader extends JsonDeserializer<Object>
      implements ContextualDeserializer {
    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      if (ctxt.getContextualType() == null) {
        return this;
      }
      Class<?> type = ctxt.getContextualType().getRawClass();
      if (GatewayApiObject.class.isAssignableFrom(type)) {
        return KindCodec.READER.createContextual(ctxt, property);
      }
      JsonDeserializer<?> reader = ValueCodecs.READERS.get(type);
      return reader == null ? this : reader;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      throw JsonMappingException.from(p, "no Gateway API model type to read as");
    }
  }
}
