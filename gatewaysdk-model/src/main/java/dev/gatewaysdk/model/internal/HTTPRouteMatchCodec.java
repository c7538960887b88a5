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
 * Streaming JSON codec of {@link HTTPRouteMatch}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class HTTPRouteMatchCodec {
  private static final SerializedString F_PATH = new SerializedString("path");
  private static final SerializedString F_HEADERS = new SerializedString("headers");
  private static final SerializedString F_QUERY_PARAMS = new SerializedString("queryParams");
  private static final SerializedString F_METHOD = new SerializedString("method");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("path", "headers", "queryParams", "method");

  /** Writes {@link HTTPRouteMatch}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPRouteMatch}. */
  public static final Reader READER = new Reader();

  private HTTPRouteMatchCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPRouteMatch> {
    @Override
    public void serialize(HTTPRouteMatch v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.path().isPresent()) {
        g.writeFieldName(F_PATH);
        HTTPPathMatchCodec.WRITER.serialize(v.path().get(), g, p);
      }
      if (!v.headers().isEmpty()) {
        g.writeFieldName(F_HEADERS);
        g.writeStartArray();
        for (HTTPHeaderMatch e : v.headers()) {
          HTTPHeaderMatchCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.queryParams().isEmpty()) {
        g.writeFieldName(F_QUERY_PARAMS);
        g.writeStartArray();
        for (HTTPQueryParamMatch e : v.queryParams()) {
          HTTPQueryParamMatchCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (v.method().isPresent()) {
        g.writeFieldName(F_METHOD);
        g.writeString(v.method().get().value());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPRouteMatch> handledType() {
      return HTTPRouteMatch.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPRouteMatch> {
    @Override
    public HTTPRouteMatch deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPRouteMatch.Builder b = HTTPRouteMatch.builder();
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
              b.path(Codecs.object(p, ctxt, HTTPPathMatchCodec.READER));
              break;
            case "headers":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addHeader(Codecs.object(p, ctxt, HTTPHeaderMatchCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "queryParams":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addQueryParam(Codecs.object(p, ctxt, HTTPQueryParamMatchCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "method":
              b.method(HTTPMethod.of(Codecs.string(p, ctxt)));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPRouteMatch.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPRouteMatch.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPRouteMatch.class;
    }
  }
}
