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
 * Streaming JSON codec of {@link ListenerEntryStatus}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class ListenerEntryStatusCodec {
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_SUPPORTED_KINDS = new SerializedString("supportedKinds");
  private static final SerializedString F_ATTACHED_ROUTES = new SerializedString("attachedRoutes");
  private static final SerializedString F_CONDITIONS = new SerializedString("conditions");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("name", "supportedKinds", "attachedRoutes", "conditions");

  /** Writes {@link ListenerEntryStatus}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ListenerEntryStatus}. */
  public static final Reader READER = new Reader();

  private ListenerEntryStatusCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ListenerEntryStatus> {
    @Override
    public void serialize(ListenerEntryStatus v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_NAME);
      g.writeString(v.name());
      if (!v.supportedKinds().isEmpty()) {
        g.writeFieldName(F_SUPPORTED_KINDS);
        g.writeStartArray();
        for (RouteGroupKind e : v.supportedKinds()) {
          RouteGroupKindCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      g.writeFieldName(F_ATTACHED_ROUTES);
      g.writeNumber(v.attachedRoutes());
      if (!v.conditions().isEmpty()) {
        g.writeFieldName(F_CONDITIONS);
        g.writeStartArray();
        for (Condition e : v.conditions()) {
          ConditionCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ListenerEntryStatus> handledType() {
      return ListenerEntryStatus.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ListenerEntryStatus> {
    @Override
    public ListenerEntryStatus deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      ListenerEntryStatus.Builder b = ListenerEntryStatus.builder();
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
            case "name":
              b.name(Codecs.string(p, ctxt));
              break;
            case "supportedKinds":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addSupportedKind(Codecs.object(p, ctxt, RouteGroupKindCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "attachedRoutes":
              b.attachedRoutes(Codecs.intValue(p, ctxt));
              break;
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
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, ListenerEntryStatus.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ListenerEntryStatus.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return ListenerEntryStatus.class;
    }
  }
}
