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
 * Streaming JSON codec of {@link GRPCRouteMatch}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class GRPCRouteMatchCodec {
  private static final SerializedString F_METHOD = new SerializedString("method");
  private static final SerializedString F_HEADERS = new SerializedString("headers");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("method", "headers");

  /** Writes {@link GRPCRouteMatch}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GRPCRouteMatch}. */
  public static final Reader READER = new Reader();

  private GRPCRouteMatchCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GRPCRouteMatch> {
    @Override
    public void serialize(GRPCRouteMatch v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.method().isPresent()) {
        g.writeFieldName(F_METHOD);
        GRPCMethodMatchCodec.WRITER.serialize(v.method().get(), g, p);
      }
      if (!v.headers().isEmpty()) {
        g.writeFieldName(F_HEADERS);
        g.writeStartArray();
        for (GRPCHeaderMatch e : v.headers()) {
          GRPCHeaderMatchCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GRPCRouteMatch> handledType() {
      return GRPCRouteMatch.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GRPCRouteMatch> {
    @Override
    public GRPCRouteMatch deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      GRPCRouteMatch.Builder b = GRPCRouteMatch.builder();
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
            case "method":
              b.method(Codecs.object(p, ctxt, GRPCMethodMatchCodec.READER));
              break;
            case "headers":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addHeader(Codecs.object(p, ctxt, GRPCHeaderMatchCodec.READER));
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
        throw Codecs.wrap(e, GRPCRouteMatch.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GRPCRouteMatch.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GRPCRouteMatch.class;
    }
  }
}
