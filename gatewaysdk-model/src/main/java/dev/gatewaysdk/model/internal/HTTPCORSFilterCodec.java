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
 * Streaming JSON codec of {@link HTTPCORSFilter}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class HTTPCORSFilterCodec {
  private static final SerializedString F_ALLOW_ORIGINS = new SerializedString("allowOrigins");
  private static final SerializedString F_ALLOW_CREDENTIALS =
      new SerializedString("allowCredentials");
  private static final SerializedString F_ALLOW_METHODS = new SerializedString("allowMethods");
  private static final SerializedString F_ALLOW_HEADERS = new SerializedString("allowHeaders");
  private static final SerializedString F_EXPOSE_HEADERS = new SerializedString("exposeHeaders");
  private static final SerializedString F_MAX_AGE = new SerializedString("maxAge");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of(
          "allowOrigins",
          "allowCredentials",
          "allowMethods",
          "allowHeaders",
          "exposeHeaders",
          "maxAge");

  /** Writes {@link HTTPCORSFilter}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPCORSFilter}. */
  public static final Reader READER = new Reader();

  private HTTPCORSFilterCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPCORSFilter> {
    @Override
    public void serialize(HTTPCORSFilter v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.allowOrigins().isEmpty()) {
        g.writeFieldName(F_ALLOW_ORIGINS);
        g.writeStartArray();
        for (String e : v.allowOrigins()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      if (v.allowCredentials().isPresent()) {
        g.writeFieldName(F_ALLOW_CREDENTIALS);
        g.writeBoolean(v.allowCredentials().get());
      }
      if (!v.allowMethods().isEmpty()) {
        g.writeFieldName(F_ALLOW_METHODS);
        g.writeStartArray();
        for (String e : v.allowMethods()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      if (!v.allowHeaders().isEmpty()) {
        g.writeFieldName(F_ALLOW_HEADERS);
        g.writeStartArray();
        for (String e : v.allowHeaders()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      if (!v.exposeHeaders().isEmpty()) {
        g.writeFieldName(F_EXPOSE_HEADERS);
        g.writeStartArray();
        for (String e : v.exposeHeaders()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      if (v.maxAge().isPresent()) {
        g.writeFieldName(F_MAX_AGE);
        g.writeNumber(v.maxAge().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPCORSFilter> handledType() {
      return HTTPCORSFilter.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPCORSFilter> {
    @Override
    public HTTPCORSFilter deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPCORSFilter.Builder b = HTTPCORSFilter.builder();
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
            case "allowOrigins":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAllowOrigin(Codecs.string(p, ctxt));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "allowCredentials":
              b.allowCredentials(Codecs.booleanValue(p, ctxt));
              break;
            case "allowMethods":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAllowMethod(Codecs.string(p, ctxt));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "allowHeaders":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAllowHeader(Codecs.string(p, ctxt));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "exposeHeaders":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addExposeHeader(Codecs.string(p, ctxt));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "maxAge":
              b.maxAge(Codecs.intValue(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPCORSFilter.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPCORSFilter.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPCORSFilter.class;
    }
  }
}
