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
 * Streaming JSON codec of {@link RouteGroupKind}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class RouteGroupKindCodec {
  private static final SerializedString F_GROUP = new SerializedString("group");
  private static final SerializedString F_KIND = new SerializedString("kind");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("group", "kind");

  /** Writes {@link RouteGroupKind}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link RouteGroupKind}. */
  public static final Reader READER = new Reader();

  private RouteGroupKindCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<RouteGroupKind> {
    @Override
    public void serialize(RouteGroupKind v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.group().isPresent()) {
        g.writeFieldName(F_GROUP);
        g.writeString(v.group().get());
      }
      g.writeFieldName(F_KIND);
      g.writeString(v.kind());
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<RouteGroupKind> handledType() {
      return RouteGroupKind.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<RouteGroupKind> {
    @Override
    public RouteGroupKind deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      RouteGroupKind.Builder b = RouteGroupKind.builder();
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
            case "group":
              b.group(Codecs.string(p, ctxt));
              break;
            case "kind":
              b.kind(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, RouteGroupKind.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, RouteGroupKind.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return RouteGroupKind.class;
    }
  }
}
