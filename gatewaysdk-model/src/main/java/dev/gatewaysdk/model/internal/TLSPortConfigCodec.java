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
 * Streaming JSON codec of {@link TLSPortConfig}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class TLSPortConfigCodec {
  private static final SerializedString F_PORT = new SerializedString("port");
  private static final SerializedString F_TLS = new SerializedString("tls");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("port", "tls");

  /** Writes {@link TLSPortConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link TLSPortConfig}. */
  public static final Reader READER = new Reader();

  private TLSPortConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<TLSPortConfig> {
    @Override
    public void serialize(TLSPortConfig v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_PORT);
      g.writeNumber(v.port());
      g.writeFieldName(F_TLS);
      TLSConfigCodec.WRITER.serialize(v.tls(), g, p);
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<TLSPortConfig> handledType() {
      return TLSPortConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<TLSPortConfig> {
    @Override
    public TLSPortConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      TLSPortConfig.Builder b = TLSPortConfig.builder();
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
            case "port":
              b.port(Codecs.intValue(p, ctxt));
              break;
            case "tls":
              b.tls(Codecs.object(p, ctxt, TLSConfigCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, TLSPortConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, TLSPortConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return TLSPortConfig.class;
    }
  }
}
