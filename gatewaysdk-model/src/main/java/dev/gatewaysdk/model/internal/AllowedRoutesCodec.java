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
 * Streaming JSON codec of {@link AllowedRoutes}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class AllowedRoutesCodec {
  private static final SerializedString F_NAMESPACES = new SerializedString("namespaces");
  private static final SerializedString F_KINDS = new SerializedString("kinds");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("namespaces", "kinds");

  /** Writes {@link AllowedRoutes}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link AllowedRoutes}. */
  public static final Reader READER = new Reader();

  private AllowedRoutesCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<AllowedRoutes> {
    @Override
    public void serialize(AllowedRoutes v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.namespaces().isPresent()) {
        g.writeFieldName(F_NAMESPACES);
        RouteNamespacesCodec.WRITER.serialize(v.namespaces().get(), g, p);
      }
      if (!v.kinds().isEmpty()) {
        g.writeFieldName(F_KINDS);
        g.writeStartArray();
        for (RouteGroupKind e : v.kinds()) {
          RouteGroupKindCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<AllowedRoutes> handledType() {
      return AllowedRoutes.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<AllowedRoutes> {
    @Override
    public AllowedRoutes deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      AllowedRoutes.Builder b = AllowedRoutes.builder();
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
            case "namespaces":
              b.namespaces(Codecs.object(p, ctxt, RouteNamespacesCodec.READER));
              break;
            case "kinds":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addKind(Codecs.object(p, ctxt, RouteGroupKindCodec.READER));
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
        throw Codecs.wrap(e, AllowedRoutes.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, AllowedRoutes.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return AllowedRoutes.class;
    }
  }
}
