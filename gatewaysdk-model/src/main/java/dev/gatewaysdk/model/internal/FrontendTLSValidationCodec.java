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
 * Streaming JSON codec of {@link FrontendTLSValidation}: field by field, without reflection. Kept
 * in sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class FrontendTLSValidationCodec {
  private static final SerializedString F_CA_CERTIFICATE_REFS =
      new SerializedString("caCertificateRefs");
  private static final SerializedString F_MODE = new SerializedString("mode");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("caCertificateRefs", "mode");

  /** Writes {@link FrontendTLSValidation}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link FrontendTLSValidation}. */
  public static final Reader READER = new Reader();

  private FrontendTLSValidationCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<FrontendTLSValidation> {
    @Override
    public void serialize(FrontendTLSValidation v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      {
        g.writeFieldName(F_CA_CERTIFICATE_REFS);
        g.writeStartArray();
        for (ObjectReference e : v.caCertificateRefs()) {
          ObjectReferenceCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (v.mode().isPresent()) {
        g.writeFieldName(F_MODE);
        g.writeString(v.mode().get().value());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<FrontendTLSValidation> handledType() {
      return FrontendTLSValidation.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<FrontendTLSValidation> {
    @Override
    public FrontendTLSValidation deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      FrontendTLSValidation.Builder b = FrontendTLSValidation.builder();
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
                    b.addCaCertificateRef(Codecs.object(p, ctxt, ObjectReferenceCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "mode":
              b.mode(FrontendValidationModeType.of(Codecs.string(p, ctxt)));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, FrontendTLSValidation.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, FrontendTLSValidation.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return FrontendTLSValidation.class;
    }
  }
}
