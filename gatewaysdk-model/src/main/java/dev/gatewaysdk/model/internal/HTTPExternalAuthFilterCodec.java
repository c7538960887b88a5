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
 * Streaming JSON codec of {@link HTTPExternalAuthFilter}: field by field, without reflection. Kept
 * in sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class HTTPExternalAuthFilterCodec {
  private static final SerializedString F_PROTOCOL = new SerializedString("protocol");
  private static final SerializedString F_BACKEND_REF = new SerializedString("backendRef");
  private static final SerializedString F_GRPC = new SerializedString("grpc");
  private static final SerializedString F_HTTP = new SerializedString("http");
  private static final SerializedString F_FORWARD_BODY = new SerializedString("forwardBody");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("protocol", "backendRef", "grpc", "http", "forwardBody");

  /** Writes {@link HTTPExternalAuthFilter}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPExternalAuthFilter}. */
  public static final Reader READER = new Reader();

  private HTTPExternalAuthFilterCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPExternalAuthFilter> {
    @Override
    public void serialize(HTTPExternalAuthFilter v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.protocol().isPresent()) {
        g.writeFieldName(F_PROTOCOL);
        g.writeString(v.protocol().get().value());
      }
      if (v.backendRef().isPresent()) {
        g.writeFieldName(F_BACKEND_REF);
        BackendObjectReferenceCodec.WRITER.serialize(v.backendRef().get(), g, p);
      }
      if (v.grpc().isPresent()) {
        g.writeFieldName(F_GRPC);
        GRPCAuthConfigCodec.WRITER.serialize(v.grpc().get(), g, p);
      }
      if (v.http().isPresent()) {
        g.writeFieldName(F_HTTP);
        HTTPAuthConfigCodec.WRITER.serialize(v.http().get(), g, p);
      }
      if (v.forwardBody().isPresent()) {
        g.writeFieldName(F_FORWARD_BODY);
        ForwardBodyConfigCodec.WRITER.serialize(v.forwardBody().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPExternalAuthFilter> handledType() {
      return HTTPExternalAuthFilter.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPExternalAuthFilter> {
    @Override
    public HTTPExternalAuthFilter deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPExternalAuthFilter.Builder b = HTTPExternalAuthFilter.builder();
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
            case "protocol":
              b.protocol(HTTPRouteExternalAuthProtocol.of(Codecs.string(p, ctxt)));
              break;
            case "backendRef":
              b.backendRef(Codecs.object(p, ctxt, BackendObjectReferenceCodec.READER));
              break;
            case "grpc":
              b.grpc(Codecs.object(p, ctxt, GRPCAuthConfigCodec.READER));
              break;
            case "http":
              b.http(Codecs.object(p, ctxt, HTTPAuthConfigCodec.READER));
              break;
            case "forwardBody":
              b.forwardBody(Codecs.object(p, ctxt, ForwardBodyConfigCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPExternalAuthFilter.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPExternalAuthFilter.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPExternalAuthFilter.class;
    }
  }
}
