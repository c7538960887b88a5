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
 * Streaming JSON codec of {@link ListenerSetSpec}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class ListenerSetSpecCodec {
  private static final SerializedString F_PARENT_REF = new SerializedString("parentRef");
  private static final SerializedString F_LISTENERS = new SerializedString("listeners");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("parentRef", "listeners");

  /** Writes {@link ListenerSetSpec}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ListenerSetSpec}. */
  public static final Reader READER = new Reader();

  private ListenerSetSpecCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ListenerSetSpec> {
    @Override
    public void serialize(ListenerSetSpec v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_PARENT_REF);
      ParentGatewayReferenceCodec.WRITER.serialize(v.parentRef(), g, p);
      if (!v.listeners().isEmpty()) {
        g.writeFieldName(F_LISTENERS);
        g.writeStartArray();
        for (ListenerEntry e : v.listeners()) {
          ListenerEntryCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ListenerSetSpec> handledType() {
      return ListenerSetSpec.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ListenerSetSpec> {
    @Override
    public ListenerSetSpec deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      ListenerSetSpec.Builder b = ListenerSetSpec.builder();
      readInto(p, ctxt, b);
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ListenerSetSpec.class, p, ctxt);
      }
    }

    /**
     * Reads the fields of the object at {@code p} into {@code b} without building it, for a kind's
     * reader that builds the whole object at once (the nested builder saves copying the finished
     * value into it).
     */
    public void readInto(JsonParser p, DeserializationContext ctxt, ListenerSetSpec.Builder b)
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
            case "parentRef":
              b.parentRef(Codecs.object(p, ctxt, ParentGatewayReferenceCodec.READER));
              break;
            case "listeners":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addListener(Codecs.object(p, ctxt, ListenerEntryCodec.READER));
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
        throw Codecs.wrap(e, ListenerSetSpec.class, field, p);
      }
    }

    @Override
    public Class<?> handledType() {
      return ListenerSetSpec.class;
    }
  }
}
