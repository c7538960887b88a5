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
 * Streaming JSON codec of {@link Condition}: field by field, without reflection. Kept in sync with
 * the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any property
 * it does not read or write.
 */
public final class ConditionCodec {
  private static final SerializedString F_TYPE = new SerializedString("type");
  private static final SerializedString F_STATUS = new SerializedString("status");
  private static final SerializedString F_OBSERVED_GENERATION =
      new SerializedString("observedGeneration");
  private static final SerializedString F_LAST_TRANSITION_TIME =
      new SerializedString("lastTransitionTime");
  private static final SerializedString F_REASON = new SerializedString("reason");
  private static final SerializedString F_MESSAGE = new SerializedString("message");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of(
          "type", "status", "observedGeneration", "lastTransitionTime", "reason", "message");

  /** Writes {@link Condition}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link Condition}. */
  public static final Reader READER = new Reader();

  private ConditionCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<Condition> {
    @Override
    public void serialize(Condition v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_TYPE);
      g.writeString(v.type());
      g.writeFieldName(F_STATUS);
      g.writeString(v.status().value());
      if (v.observedGeneration().isPresent()) {
        g.writeFieldName(F_OBSERVED_GENERATION);
        g.writeNumber(v.observedGeneration().get());
      }
      g.writeFieldName(F_LAST_TRANSITION_TIME);
      g.writeString(v.lastTransitionTime());
      g.writeFieldName(F_REASON);
      g.writeString(v.reason());
      g.writeFieldName(F_MESSAGE);
      g.writeString(v.message());
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<Condition> handledType() {
      return Condition.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<Condition> {
    @Override
    public Condition deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      Condition.Builder b = Condition.builder();
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
            case "type":
              b.type(Codecs.string(p, ctxt));
              break;
            case "status":
              b.status(ConditionStatus.of(Codecs.string(p, ctxt)));
              break;
            case "observedGeneration":
              b.observedGeneration(Codecs.longValue(p, ctxt));
              break;
            case "lastTransitionTime":
              b.lastTransitionTime(Codecs.string(p, ctxt));
              break;
            case "reason":
              b.reason(Codecs.string(p, ctxt));
              break;
            case "message":
              b.message(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, Condition.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, Condition.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return Condition.class;
    }
  }
}
