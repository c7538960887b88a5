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
 * Streaming JSON codec of {@link GRPCAuthConfig}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class GRPCAuthConfigCodec {
  private static final SerializedString F_ALLOWED_HEADERS = new SerializedString("allowedHeaders");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("allowedHeaders");

  /** Writes {@link GRPCAuthConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GRPCAuthConfig}. */
  public static final Reader READER = new Reader();

  private GRPCAuthConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GRPCAuthConfig> {
    @Override
    public void serialize(GRPCAuthConfig v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.allowedHeaders().isEmpty()) {
        g.writeFieldName(F_ALLOWED_HEADERS);
        g.writeStartArray();
        for (String e : v.allowedHeaders()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GRPCAuthConfig> handledType() {
      return GRPCAuthConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GRPCAuthConfig> {
    @Override
    public GRPCAuthConfig deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      GRPCAuthConfig.Builder b = GRPCAuthConfig.builder();
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
            case "allowedHeaders":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAllowedHeader(Codecs.string(p, ctxt));
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
        throw Codecs.wrap(e, GRPCAuthConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GRPCAuthConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GRPCAuthConfig.class;
    }
  }
}
