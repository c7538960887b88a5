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
 * Streaming JSON codec of {@link RouteStatus}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class RouteStatusCodec {
  private static final SerializedString F_PARENTS = new SerializedString("parents");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("parents");

  /** Writes {@link RouteStatus}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link RouteStatus}. */
  public static final Reader READER = new Reader();

  private RouteStatusCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<RouteStatus> {
    @Override
    public void serialize(RouteStatus v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      {
        g.writeFieldName(F_PARENTS);
        g.writeStartArray();
        for (RouteParentStatus e : v.parents()) {
          RouteParentStatusCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<RouteStatus> handledType() {
      return RouteStatus.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<RouteStatus> {
    @Override
    public RouteStatus deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      RouteStatus.Builder b = RouteStatus.builder();
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
            case "parents":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addParent(Codecs.object(p, ctxt, RouteParentStatusCodec.READER));
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
        throw Codecs.wrap(e, RouteStatus.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, RouteStatus.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return RouteStatus.class;
    }
  }
}
