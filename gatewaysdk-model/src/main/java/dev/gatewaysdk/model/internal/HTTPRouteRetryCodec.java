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
 * Streaming JSON codec of {@link HTTPRouteRetry}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class HTTPRouteRetryCodec {
  private static final SerializedString F_CODES = new SerializedString("codes");
  private static final SerializedString F_ATTEMPTS = new SerializedString("attempts");
  private static final SerializedString F_BACKOFF = new SerializedString("backoff");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("codes", "attempts", "backoff");

  /** Writes {@link HTTPRouteRetry}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPRouteRetry}. */
  public static final Reader READER = new Reader();

  private HTTPRouteRetryCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPRouteRetry> {
    @Override
    public void serialize(HTTPRouteRetry v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.codes().isEmpty()) {
        g.writeFieldName(F_CODES);
        g.writeStartArray();
        for (Integer e : v.codes()) {
          g.writeNumber(e);
        }
        g.writeEndArray();
      }
      if (v.attempts().isPresent()) {
        g.writeFieldName(F_ATTEMPTS);
        g.writeNumber(v.attempts().get());
      }
      if (v.backoff().isPresent()) {
        g.writeFieldName(F_BACKOFF);
        g.writeString(v.backoff().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPRouteRetry> handledType() {
      return HTTPRouteRetry.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPRouteRetry> {
    @Override
    public HTTPRouteRetry deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPRouteRetry.Builder b = HTTPRouteRetry.builder();
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
            case "codes":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addCode(Codecs.intValue(p, ctxt));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "attempts":
              b.attempts(Codecs.intValue(p, ctxt));
              break;
            case "backoff":
              b.backoff(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPRouteRetry.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPRouteRetry.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPRouteRetry.class;
    }
  }
}
