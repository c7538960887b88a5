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
 * Streaming JSON codec of {@link RouteParentStatus}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class RouteParentStatusCodec {
  private static final SerializedString F_PARENT_REF = new SerializedString("parentRef");
  private static final SerializedString F_CONTROLLER_NAME = new SerializedString("controllerName");
  private static final SerializedString F_CONDITIONS = new SerializedString("conditions");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("parentRef", "controllerName", "conditions");

  /** Writes {@link RouteParentStatus}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link RouteParentStatus}. */
  public static final Reader READER = new Reader();

  private RouteParentStatusCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<RouteParentStatus> {
    @Override
    public void serialize(RouteParentStatus v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_PARENT_REF);
      ParentReferenceCodec.WRITER.serialize(v.parentRef(), g, p);
      g.writeFieldName(F_CONTROLLER_NAME);
      g.writeString(v.controllerName());
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
    public Class<RouteParentStatus> handledType() {
      return RouteParentStatus.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<RouteParentStatus> {
    @Override
    public RouteParentStatus deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      RouteParentStatus.Builder b = RouteParentStatus.builder();
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
            case "parentRef":
              b.parentRef(Codecs.object(p, ctxt, ParentReferenceCodec.READER));
              break;
            case "controllerName":
              b.controllerName(Codecs.string(p, ctxt));
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
        throw Codecs.wrap(e, RouteParentStatus.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, RouteParentStatus.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return RouteParentStatus.class;
    }
  }
}
