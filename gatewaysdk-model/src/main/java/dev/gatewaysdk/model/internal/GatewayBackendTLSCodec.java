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
 * Streaming JSON codec of {@link GatewayBackendTLS}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class GatewayBackendTLSCodec {
  private static final SerializedString F_CLIENT_CERTIFICATE_REF =
      new SerializedString("clientCertificateRef");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("clientCertificateRef");

  /** Writes {@link GatewayBackendTLS}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GatewayBackendTLS}. */
  public static final Reader READER = new Reader();

  private GatewayBackendTLSCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GatewayBackendTLS> {
    @Override
    public void serialize(GatewayBackendTLS v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.clientCertificateRef().isPresent()) {
        g.writeFieldName(F_CLIENT_CERTIFICATE_REF);
        SecretObjectReferenceCodec.WRITER.serialize(v.clientCertificateRef().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GatewayBackendTLS> handledType() {
      return GatewayBackendTLS.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GatewayBackendTLS> {
    @Override
    public GatewayBackendTLS deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      GatewayBackendTLS.Builder b = GatewayBackendTLS.builder();
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
            case "clientCertificateRef":
              b.clientCertificateRef(Codecs.object(p, ctxt, SecretObjectReferenceCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GatewayBackendTLS.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GatewayBackendTLS.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GatewayBackendTLS.class;
    }
  }
}
