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
 * Streaming JSON codec of {@link LabelSelectorRequirement}: field by field, without reflection.
 * Kept in sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which
 * fail on any property it does not read or write.
 */
public final class LabelSelectorRequirementCodec {
  private static final SerializedString F_KEY = new SerializedString("key");
  private static final SerializedString F_OPERATOR = new SerializedString("operator");
  private static final SerializedString F_VALUES = new SerializedString("values");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("key", "operator", "values");

  /** Writes {@link LabelSelectorRequirement}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link LabelSelectorRequirement}. */
  public static final Reader READER = new Reader();

  private LabelSelectorRequirementCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<LabelSelectorRequirement> {
    @Override
    public void serialize(LabelSelectorRequirement v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_KEY);
      g.writeString(v.key());
      g.writeFieldName(F_OPERATOR);
      g.writeString(v.operator());
      if (!v.values().isEmpty()) {
        g.writeFieldName(F_VALUES);
        g.writeStartArray();
        for (String e : v.values()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<LabelSelectorRequirement> handledType() {
      return LabelSelectorRequirement.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<LabelSelectorRequirement> {
    @Override
    public LabelSelectorRequirement deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      LabelSelectorRequirement.Builder b = LabelSelectorRequirement.builder();
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
            case "key":
              b.key(Codecs.string(p, ctxt));
              break;
            case "operator":
              b.operator(Codecs.string(p, ctxt));
              break;
            case "values":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addValue(Codecs.string(p, ctxt));
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
        throw Codecs.wrap(e, LabelSelectorRequirement.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, LabelSelectorRequirement.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return LabelSelectorRequirement.class;
    }
  }
}
