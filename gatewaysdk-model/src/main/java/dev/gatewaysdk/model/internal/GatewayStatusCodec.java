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
 * Streaming JSON codec of {@link GatewayStatus}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class GatewayStatusCodec {
  private static final SerializedString F_ADDRESSES = new SerializedString("addresses");
  private static final SerializedString F_CONDITIONS = new SerializedString("conditions");
  private static final SerializedString F_LISTENERS = new SerializedString("listeners");
  private static final SerializedString F_ATTACHED_LISTENER_SETS =
      new SerializedString("attachedListenerSets");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("addresses", "conditions", "listeners", "attachedListenerSets");

  /** Writes {@link GatewayStatus}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GatewayStatus}. */
  public static final Reader READER = new Reader();

  private GatewayStatusCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GatewayStatus> {
    @Override
    public void serialize(GatewayStatus v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.addresses().isEmpty()) {
        g.writeFieldName(F_ADDRESSES);
        g.writeStartArray();
        for (GatewayStatusAddress e : v.addresses()) {
          GatewayStatusAddressCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
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
        for (ListenerStatus e : v.listeners()) {
          ListenerStatusCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (v.attachedListenerSets().isPresent()) {
        g.writeFieldName(F_ATTACHED_LISTENER_SETS);
        g.writeNumber(v.attachedListenerSets().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GatewayStatus> handledType() {
      return GatewayStatus.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GatewayStatus> {
    @Override
    public GatewayStatus deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      GatewayStatus.Builder b = GatewayStatus.builder();
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
            case "addresses":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAddress(Codecs.object(p, ctxt, GatewayStatusAddressCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
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
                    b.addListener(Codecs.object(p, ctxt, ListenerStatusCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "attachedListenerSets":
              b.attachedListenerSets(Codecs.intValue(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GatewayStatus.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GatewayStatus.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GatewayStatus.class;
    }
  }
}
