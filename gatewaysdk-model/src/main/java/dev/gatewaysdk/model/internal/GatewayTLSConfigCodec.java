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
 * Streaming JSON codec of {@link GatewayTLSConfig}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class GatewayTLSConfigCodec {
  private static final SerializedString F_BACKEND = new SerializedString("backend");
  private static final SerializedString F_FRONTEND = new SerializedString("frontend");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("backend", "frontend");

  /** Writes {@link GatewayTLSConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GatewayTLSConfig}. */
  public static final Reader READER = new Reader();

  private GatewayTLSConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GatewayTLSConfig> {
    @Override
    public void serialize(GatewayTLSConfig v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.backend().isPresent()) {
        g.writeFieldName(F_BACKEND);
        GatewayBackendTLSCodec.WRITER.serialize(v.backend().get(), g, p);
      }
      if (v.frontend().isPresent()) {
        g.writeFieldName(F_FRONTEND);
        FrontendTLSConfigCodec.WRITER.serialize(v.frontend().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GatewayTLSConfig> handledType() {
      return GatewayTLSConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GatewayTLSConfig> {
    @Override
    public GatewayTLSConfig deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      GatewayTLSConfig.Builder b = GatewayTLSConfig.builder();
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
            case "backend":
              b.backend(Codecs.object(p, ctxt, GatewayBackendTLSCodec.READER));
              break;
            case "frontend":
              b.frontend(Codecs.object(p, ctxt, FrontendTLSConfigCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GatewayTLSConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GatewayTLSConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GatewayTLSConfig.class;
    }
  }
}
