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
 * Streaming JSON codec of {@link GRPCRouteRule}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class GRPCRouteRuleCodec {
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_MATCHES = new SerializedString("matches");
  private static final SerializedString F_FILTERS = new SerializedString("filters");
  private static final SerializedString F_BACKEND_REFS = new SerializedString("backendRefs");
  private static final SerializedString F_SESSION_PERSISTENCE =
      new SerializedString("sessionPersistence");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("name", "matches", "filters", "backendRefs", "sessionPersistence");

  /** Writes {@link GRPCRouteRule}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GRPCRouteRule}. */
  public static final Reader READER = new Reader();

  private GRPCRouteRuleCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GRPCRouteRule> {
    @Override
    public void serialize(GRPCRouteRule v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.name().isPresent()) {
        g.writeFieldName(F_NAME);
        g.writeString(v.name().get());
      }
      if (!v.matches().isEmpty()) {
        g.writeFieldName(F_MATCHES);
        g.writeStartArray();
        for (GRPCRouteMatch e : v.matches()) {
          GRPCRouteMatchCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.filters().isEmpty()) {
        g.writeFieldName(F_FILTERS);
        g.writeStartArray();
        for (GRPCRouteFilter e : v.filters()) {
          GRPCRouteFilterCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.backendRefs().isEmpty()) {
        g.writeFieldName(F_BACKEND_REFS);
        g.writeStartArray();
        for (GRPCBackendRef e : v.backendRefs()) {
          GRPCBackendRefCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (v.sessionPersistence().isPresent()) {
        g.writeFieldName(F_SESSION_PERSISTENCE);
        SessionPersistenceCodec.WRITER.serialize(v.sessionPersistence().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GRPCRouteRule> handledType() {
      return GRPCRouteRule.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GRPCRouteRule> {
    @Override
    public GRPCRouteRule deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      GRPCRouteRule.Builder b = GRPCRouteRule.builder();
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
            case "matches":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addMatch(Codecs.object(p, ctxt, GRPCRouteMatchCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "filters":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addFilter(Codecs.object(p, ctxt, GRPCRouteFilterCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "backendRefs":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addBackendRef(Codecs.object(p, ctxt, GRPCBackendRefCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "sessionPersistence":
              b.sessionPersistence(Codecs.object(p, ctxt, SessionPersistenceCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GRPCRouteRule.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GRPCRouteRule.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GRPCRouteRule.class;
    }
  }
}
