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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streaming JSON codec of {@link BackendTLSPolicySpec}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class BackendTLSPolicySpecCodec {
  private static final SerializedString F_TARGET_REFS = new SerializedString("targetRefs");
  private static final SerializedString F_VALIDATION = new SerializedString("validation");
  private static final SerializedString F_OPTIONS = new SerializedString("options");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("targetRefs", "validation", "options");

  /** Writes {@link BackendTLSPolicySpec}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link BackendTLSPolicySpec}. */
  public static final Reader READER = new Reader();

  private BackendTLSPolicySpecCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<BackendTLSPolicySpec> {
    @Override
    public void serialize(BackendTLSPolicySpec v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.targetRefs().isEmpty()) {
        g.writeFieldName(F_TARGET_REFS);
        g.writeStartArray();
        for (LocalPolicyTargetReferenceWithSectionName e : v.targetRefs()) {
          LocalPolicyTargetReferenceWithSectionNameCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      g.writeFieldName(F_VALIDATION);
      BackendTLSPolicyValidationCodec.WRITER.serialize(v.validation(), g, p);
      if (!v.options().isEmpty()) {
        g.writeFieldName(F_OPTIONS);
        g.writeStartObject();
        for (Map.Entry<String, String> e : v.options().entrySet()) {
          g.writeFieldName(e.getKey());
          g.writeString(e.getValue());
        }
        g.writeEndObject();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<BackendTLSPolicySpec> handledType() {
      return BackendTLSPolicySpec.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<BackendTLSPolicySpec> {
    @Override
    public BackendTLSPolicySpec deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      BackendTLSPolicySpec.Builder b = BackendTLSPolicySpec.builder();
      readInto(p, ctxt, b);
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, BackendTLSPolicySpec.class, p, ctxt);
      }
    }

    /**
     * Reads the fields of the object at {@code p} into {@code b} without building it, for a kind's
     * reader that builds the whole object at once (the nested builder saves copying the finished
     * value into it).
     */
    public void readInto(JsonParser p, DeserializationContext ctxt, BackendTLSPolicySpec.Builder b)
        throws IOException {
      Codecs.expectObject(p, ctxt);
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
            case "targetRefs":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addTargetRef(
                        Codecs.object(
                            p, ctxt, LocalPolicyTargetReferenceWithSectionNameCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "validation":
              b.validation(Codecs.object(p, ctxt, BackendTLSPolicyValidationCodec.READER));
              break;
            case "options":
              {
                Codecs.expectObject(p, ctxt);
                Map<String, String> map = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                  p.nextToken();
                  map.put(key, Codecs.string(p, ctxt));
                }
                b.options(map);
                break;
              }
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, BackendTLSPolicySpec.class, field, p);
      }
    }

    @Override
    public Class<?> handledType() {
      return BackendTLSPolicySpec.class;
    }
  }
}
