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
 * Streaming JSON codec of {@link FrontendTLSConfig}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class FrontendTLSConfigCodec {
  private static final SerializedString F_DEFAULT = new SerializedString("default");
  private static final SerializedString F_PER_PORT = new SerializedString("perPort");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("default", "perPort");

  /** Writes {@link FrontendTLSConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link FrontendTLSConfig}. */
  public static final Reader READER = new Reader();

  private FrontendTLSConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<FrontendTLSConfig> {
    @Override
    public void serialize(FrontendTLSConfig v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_DEFAULT);
      TLSConfigCodec.WRITER.serialize(v.defaultConfig(), g, p);
      if (!v.perPort().isEmpty()) {
        g.writeFieldName(F_PER_PORT);
        g.writeStartArray();
        for (TLSPortConfig e : v.perPort()) {
          TLSPortConfigCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<FrontendTLSConfig> handledType() {
      return FrontendTLSConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<FrontendTLSConfig> {
    @Override
    public FrontendTLSConfig deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      FrontendTLSConfig.Builder b = FrontendTLSConfig.builder();
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
            case "default":
              b.defaultConfig(Codecs.object(p, ctxt, TLSConfigCodec.READER));
              break;
            case "perPort":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addPerPort(Codecs.object(p, ctxt, TLSPortConfigCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, FrontendTLSConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, FrontendTLSConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return FrontendTLSConfig.class;
    }
  }
}
