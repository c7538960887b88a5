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
 * Streaming JSON codec of {@link GatewayClassStatus}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class GatewayClassStatusCodec {
  private static final SerializedString F_CONDITIONS = new SerializedString("conditions");
  private static final SerializedString F_SUPPORTED_FEATURES =
      new SerializedString("supportedFeatures");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("conditions", "supportedFeatures");

  /** Writes {@link GatewayClassStatus}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GatewayClassStatus}. */
  public static final Reader READER = new Reader();

  private GatewayClassStatusCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GatewayClassStatus> {
    @Override
    public void serialize(GatewayClassStatus v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.conditions().isEmpty()) {
        g.writeFieldName(F_CONDITIONS);
        g.writeStartArray();
        for (Condition e : v.conditions()) {
          ConditionCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.supportedFeatures().isEmpty()) {
        g.writeFieldName(F_SUPPORTED_FEATURES);
        g.writeStartArray();
        for (SupportedFeature e : v.supportedFeatures()) {
          SupportedFeatureCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GatewayClassStatus> handledType() {
      return GatewayClassStatus.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GatewayClassStatus> {
    @Override
    public GatewayClassStatus deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      GatewayClassStatus.Builder b = GatewayClassStatus.builder();
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
            case "conditions":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addCondition(Codecs.object(p, ctxt, ConditionCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "supportedFeatures":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addSupportedFeature(Codecs.object(p, ctxt, SupportedFeatureCodec.READER));
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
        throw Codecs.wrap(e, GatewayClassStatus.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GatewayClassStatus.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GatewayClassStatus.class;
    }
  }
}
