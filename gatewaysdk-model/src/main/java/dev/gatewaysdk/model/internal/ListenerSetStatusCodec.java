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
 * Streaming JSON codec of {@link ListenerSetStatus}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class ListenerSetStatusCodec {
  private static final SerializedString F_CONDITIONS = new SerializedString("conditions");
  private static final SerializedString F_LISTENERS = new SerializedString("listeners");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("conditions", "listeners");

  /** Writes {@link ListenerSetStatus}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ListenerSetStatus}. */
  public static final Reader READER = new Reader();

  private ListenerSetStatusCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ListenerSetStatus> {
    @Override
    public void serialize(ListenerSetStatus v, JsonGenerator g, SerializerProvider p)
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
      if (!v.listeners().isEmpty()) {
        g.writeFieldName(F_LISTENERS);
        g.writeStartArray();
        for (ListenerEntryStatus e : v.listeners()) {
          ListenerEntryStatusCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ListenerSetStatus> handledType() {
      return ListenerSetStatus.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ListenerSetStatus> {
    @Override
    public ListenerSetStatus deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      ListenerSetStatus.Builder b = ListenerSetStatus.builder();
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
            case "listeners":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addListener(Codecs.object(p, ctxt, ListenerEntryStatusCodec.READER));
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
        throw Codecs.wrap(e, ListenerSetStatus.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ListenerSetStatus.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return ListenerSetStatus.class;
    }
  }
}
