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
 * Streaming JSON codec of {@link CookieConfig}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class CookieConfigCodec {
  private static final SerializedString F_LIFETIME_TYPE = new SerializedString("lifetimeType");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("lifetimeType");

  /** Writes {@link CookieConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link CookieConfig}. */
  public static final Reader READER = new Reader();

  private CookieConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<CookieConfig> {
    @Override
    public void serialize(CookieConfig v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.lifetimeType().isPresent()) {
        g.writeFieldName(F_LIFETIME_TYPE);
        g.writeString(v.lifetimeType().get().value());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<CookieConfig> handledType() {
      return CookieConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<CookieConfig> {
    @Override
    public CookieConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      CookieConfig.Builder b = CookieConfig.builder();
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
            case "lifetimeType":
              b.lifetimeType(CookieLifetimeType.of(Codecs.string(p, ctxt)));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, CookieConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, CookieConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return CookieConfig.class;
    }
  }
}
