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
 * Streaming JSON codec of {@link HTTPRequestRedirectFilter}: field by field, without reflection.
 * Kept in sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which
 * fail on any property it does not read or write.
 */
public final class HTTPRequestRedirectFilterCodec {
  private static final SerializedString F_SCHEME = new SerializedString("scheme");
  private static final SerializedString F_HOSTNAME = new SerializedString("hostname");
  private static final SerializedString F_PATH = new SerializedString("path");
  private static final SerializedString F_PORT = new SerializedString("port");
  private static final SerializedString F_STATUS_CODE = new SerializedString("statusCode");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("scheme", "hostname", "path", "port", "statusCode");

  /** Writes {@link HTTPRequestRedirectFilter}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPRequestRedirectFilter}. */
  public static final Reader READER = new Reader();

  private HTTPRequestRedirectFilterCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPRequestRedirectFilter> {
    @Override
    public void serialize(HTTPRequestRedirectFilter v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.scheme().isPresent()) {
        g.writeFieldName(F_SCHEME);
        g.writeString(v.scheme().get());
      }
      if (v.hostname().isPresent()) {
        g.writeFieldName(F_HOSTNAME);
        g.writeString(v.hostname().get());
      }
      if (v.path().isPresent()) {
        g.writeFieldName(F_PATH);
        HTTPPathModifierCodec.WRITER.serialize(v.path().get(), g, p);
      }
      if (v.port().isPresent()) {
        g.writeFieldName(F_PORT);
        g.writeNumber(v.port().get());
      }
      if (v.statusCode().isPresent()) {
        g.writeFieldName(F_STATUS_CODE);
        g.writeNumber(v.statusCode().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPRequestRedirectFilter> handledType() {
      return HTTPRequestRedirectFilter.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPRequestRedirectFilter> {
    @Override
    public HTTPRequestRedirectFilter deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPRequestRedirectFilter.Builder b = HTTPRequestRedirectFilter.builder();
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
            case "scheme":
              b.scheme(Codecs.string(p, ctxt));
              break;
            case "hostname":
              b.hostname(Codecs.string(p, ctxt));
              break;
            case "path":
              b.path(Codecs.object(p, ctxt, HTTPPathModifierCodec.READER));
              break;
            case "port":
              b.port(Codecs.intValue(p, ctxt));
              break;
            case "statusCode":
              b.statusCode(Codecs.intValue(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPRequestRedirectFilter.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPRequestRedirectFilter.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPRequestRedirectFilter.class;
    }
  }
}
