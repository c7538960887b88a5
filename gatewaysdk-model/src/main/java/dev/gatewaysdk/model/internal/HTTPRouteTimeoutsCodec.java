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
 * Streaming JSON codec of {@link HTTPRouteTimeouts}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class HTTPRouteTimeoutsCodec {
  private static final SerializedString F_REQUEST = new SerializedString("request");
  private static final SerializedString F_BACKEND_REQUEST = new SerializedString("backendRequest");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("request", "backendRequest");

  /** Writes {@link HTTPRouteTimeouts}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPRouteTimeouts}. */
  public static final Reader READER = new Reader();

  private HTTPRouteTimeoutsCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPRouteTimeouts> {
    @Override
    public void serialize(HTTPRouteTimeouts v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.request().isPresent()) {
        g.writeFieldName(F_REQUEST);
        g.writeString(v.request().get());
      }
      if (v.backendRequest().isPresent()) {
        g.writeFieldName(F_BACKEND_REQUEST);
        g.writeString(v.backendRequest().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPRouteTimeouts> handledType() {
      return HTTPRouteTimeouts.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPRouteTimeouts> {
    @Override
    public HTTPRouteTimeouts deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPRouteTimeouts.Builder b = HTTPRouteTimeouts.builder();
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
            case "request":
              b.request(Codecs.string(p, ctxt));
              break;
            case "backendRequest":
              b.backendRequest(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPRouteTimeouts.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPRouteTimeouts.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPRouteTimeouts.class;
    }
  }
}
