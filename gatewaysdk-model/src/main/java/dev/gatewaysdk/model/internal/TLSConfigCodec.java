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
 * Streaming JSON codec of {@link TLSConfig}: field by field, without reflection. Kept in sync with
 * the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any property
 * it does not read or write.
 */
public final class TLSConfigCodec {
  private static final SerializedString F_VALIDATION = new SerializedString("validation");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("validation");

  /** Writes {@link TLSConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link TLSConfig}. */
  public static final Reader READER = new Reader();

  private TLSConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<TLSConfig> {
    @Override
    public void serialize(TLSConfig v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      if (v.validation().isPresent()) {
        g.writeFieldName(F_VALIDATION);
        FrontendTLSValidationCodec.WRITER.serialize(v.validation().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<TLSConfig> handledType() {
      return TLSConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<TLSConfig> {
    @Override
    public TLSConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      TLSConfig.Builder b = TLSConfig.builder();
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
            case "validation":
              b.validation(Codecs.object(p, ctxt, FrontendTLSValidationCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, TLSConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, TLSConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return TLSConfig.class;
    }
  }
}
