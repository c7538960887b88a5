package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.gatewaysdk.model.*;
import java.io.IOException;

/**
 * Streaming JSON codec of {@link ForwardBodyConfig}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class ForwardBodyConfigCodec {
  private static final SerializedString F_MAX_SIZE = new SerializedString("maxSize");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("maxSize");

  /** Writes {@link ForwardBodyConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ForwardBodyConfig}. */
  public static final Reader READER = new Reader();

  private ForwardBodyConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ForwardBodyConfig> {
    @Override
    public void serialize(ForwardBodyConfig v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.maxSize().isPresent()) {
        g.writeFieldName(F_MAX_SIZE);
        g.writeNumber(v.maxSize().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ForwardBodyConfig> handledType() {
      return ForwardBodyConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ForwardBodyConfig> {
    @Override
    public ForwardBodyConfig deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      ForwardBodyConfig.Builder b = ForwardBodyConfig.builder();
      String field = null;
      try {
        for (field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
          if (p.nextToken() == JsonToken.VALUE_NULL) {
            if (!KNOWN.contains(field)) {
              b.putUnknownField(field, null);
            }
            continue;
          }
          switch (field) {
            case "maxSize":
              b.maxSize(Codecs.intValue(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, ForwardBodyConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ForwardBodyConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return ForwardBodyConfig.class;
    }
  }
}
