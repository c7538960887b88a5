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
 * Streaming JSON codec of {@link TLSRouteRule}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class TLSRouteRuleCodec {
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_BACKEND_REFS = new SerializedString("backendRefs");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("name", "backendRefs");

  /** Writes {@link TLSRouteRule}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link TLSRouteRule}. */
  public static final Reader READER = new Reader();

  private TLSRouteRuleCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<TLSRouteRule> {
    @Override
    public void serialize(TLSRouteRule v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.name().isPresent()) {
        g.writeFieldName(F_NAME);
        g.writeString(v.name().get());
      }
      if (!v.backendRefs().isEmpty()) {
        g.writeFieldName(F_BACKEND_REFS);
        g.writeStartArray();
        for (BackendRef e : v.backendRefs()) {
          BackendRefCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<TLSRouteRule> handledType() {
      return TLSRouteRule.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<TLSRouteRule> {
    @Override
    public TLSRouteRule deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      TLSRouteRule.Builder b = TLSRouteRule.builder();
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
            case "name":
              b.name(Codecs.string(p, ctxt));
              break;
            case "backendRefs":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addBackendRef(Codecs.object(p, ctxt, BackendRefCodec.READER));
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
        throw Codecs.wrap(e, TLSRouteRule.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, TLSRouteRule.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return TLSRouteRule.class;
    }
  }
}
