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
 * Streaming JSON codec of {@link BackendTLSPolicyValidation}: field by field, without reflection.
 * Kept in sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which
 * fail on any property it does not read or write.
 */
public final class BackendTLSPolicyValidationCodec {
  private static final SerializedString F_CA_CERTIFICATE_REFS =
      new SerializedString("caCertificateRefs");
  private static final SerializedString F_WELL_KNOWN_C_A_CERTIFICATES =
      new SerializedString("wellKnownCACertificates");
  private static final SerializedString F_HOSTNAME = new SerializedString("hostname");
  private static final SerializedString F_SUBJECT_ALT_NAMES =
      new SerializedString("subjectAltNames");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of(
          "caCertificateRefs", "wellKnownCACertificates", "hostname", "subjectAltNames");

  /** Writes {@link BackendTLSPolicyValidation}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link BackendTLSPolicyValidation}. */
  public static final Reader READER = new Reader();

  private BackendTLSPolicyValidationCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<BackendTLSPolicyValidation> {
    @Override
    public void serialize(BackendTLSPolicyValidation v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.caCertificateRefs().isEmpty()) {
        g.writeFieldName(F_CA_CERTIFICATE_REFS);
        g.writeStartArray();
        for (LocalObjectReference e : v.caCertificateRefs()) {
          LocalObjectReferenceCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (v.wellKnownCACertificates().isPresent()) {
        g.writeFieldName(F_WELL_KNOWN_C_A_CERTIFICATES);
        g.writeString(v.wellKnownCACertificates().get().value());
      }
      g.writeFieldName(F_HOSTNAME);
      g.writeString(v.hostname());
      if (!v.subjectAltNames().isEmpty()) {
        g.writeFieldName(F_SUBJECT_ALT_NAMES);
        g.writeStartArray();
        for (SubjectAltName e : v.subjectAltNames()) {
          SubjectAltNameCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<BackendTLSPolicyValidation> handledType() {
      return BackendTLSPolicyValidation.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<BackendTLSPolicyValidation> {
    @Override
    public BackendTLSPolicyValidation deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      BackendTLSPolicyValidation.Builder b = BackendTLSPolicyValidation.builder();
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
            case "caCertificateRefs":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addCaCertificateRef(Codecs.object(p, ctxt, LocalObjectReferenceCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "wellKnownCACertificates":
              b.wellKnownCACertificates(WellKnownCACertificatesType.of(Codecs.string(p, ctxt)));
              break;
            case "hostname":
              b.hostname(Codecs.string(p, ctxt));
              break;
            case "subjectAltNames":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addSubjectAltName(Codecs.object(p, ctxt, SubjectAltNameCodec.READER));
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
        throw Codecs.wrap(e, BackendTLSPolicyValidation.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, BackendTLSPolicyValidation.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return BackendTLSPolicyValidation.class;
    }
  }
}
