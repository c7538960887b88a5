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
 * Streaming JSON codec of {@link LabelSelector}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class LabelSelectorCodec {
  private static final SerializedString F_MATCH_LABELS = new SerializedString("matchLabels");
  private static final SerializedString F_MATCH_EXPRESSIONS =
      new SerializedString("matchExpressions");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("matchLabels", "matchExpressions");

  /** Writes {@link LabelSelector}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link LabelSelector}. */
  public static final Reader READER = new Reader();

  private LabelSelectorCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<LabelSelector> {
    @Override
    public void serialize(LabelSelector v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.matchLabels().isEmpty()) {
        g.writeFieldName(F_MATCH_LABELS);
        g.writeStartObject();
        for (Map.Entry<String, String> e : v.matchLabels().entrySet()) {
          g.writeFieldName(e.getKey());
          g.writeString(e.getValue());
        }
        g.writeEndObject();
      }
      if (!v.matchExpressions().isEmpty()) {
        g.writeFieldName(F_MATCH_EXPRESSIONS);
        g.writeStartArray();
        for (LabelSelectorRequirement e : v.matchExpressions()) {
          LabelSelectorRequirementCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<LabelSelector> handledType() {
      return LabelSelector.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<LabelSelector> {
    @Override
    public LabelSelector deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      LabelSelector.Builder b = LabelSelector.builder();
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
            case "matchLabels":
              {
                Codecs.expectObject(p, ctxt);
                Map<String, String> map = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                  p.nextToken();
                  map.put(key, Codecs.string(p, ctxt));
                }
                b.matchLabels(map);
                break;
              }
            case "matchExpressions":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addMatchExpression(
                        Codecs.object(p, ctxt, LabelSelectorRequirementCodec.READER));
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
        throw Codecs.wrap(e, LabelSelector.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, LabelSelector.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return LabelSelector.class;
    }
  }
}
