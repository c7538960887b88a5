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
 * Streaming JSON codec of {@link HTTPAuthConfig}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class HTTPAuthConfigCodec {
  private static final SerializedString F_PATH = new SerializedString("path");
  private static final SerializedString F_ALLOWED_HEADERS = new SerializedString("allowedHeaders");
  private static final SerializedString F_ALLOWED_RESPONSE_HEADERS =
      new SerializedString("allowedResponseHeaders");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("path", "allowedHeaders", "allowedResponseHeaders");

  /** Writes {@link HTTPAuthConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPAuthConfig}. */
  public static final Reader READER = new Reader();

  private HTTPAuthConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPAuthConfig> {
    @Override
    public void serialize(HTTPAuthConfig v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.path().isPresent()) {
        g.writeFieldName(F_PATH);
        g.writeString(v.path().get());
      }
      if (!v.allowedHeaders().isEmpty()) {
        g.writeFieldName(F_ALLOWED_HEADERS);
        g.writeStartArray();
        for (String e : v.allowedHeaders()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      if (!v.allowedResponseHeaders().isEmpty()) {
        g.writeFieldName(F_ALLOWED_RESPONSE_HEADERS);
        g.writeStartArray();
        for (String e : v.allowedResponseHeaders()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPAuthConfig> handledType() {
      return HTTPAuthConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPAuthConfig> {
    @Override
    public HTTPAuthConfig deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPAuthConfig.Builder b = HTTPAuthConfig.builder();
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
            case "path":
              b.path(Codecs.string(p, ctxt));
              break;
            case "allowedHeaders":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAllowedHeader(Codecs.string(p, ctxt));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "allowedResponseHeaders":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAllowedResponseHeader(Codecs.string(p, ctxt));
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
        throw Codecs.wrap(e, HTTPAuthConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPAuthConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPAuthConfig.class;
    }
  }
}
