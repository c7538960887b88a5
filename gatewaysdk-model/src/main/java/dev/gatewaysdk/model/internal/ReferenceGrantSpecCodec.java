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
 * Streaming JSON codec of {@link ReferenceGrantSpec}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class ReferenceGrantSpecCodec {
  private static final SerializedString F_FROM = new SerializedString("from");
  private static final SerializedString F_TO = new SerializedString("to");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("from", "to");

  /** Writes {@link ReferenceGrantSpec}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ReferenceGrantSpec}. */
  public static final Reader READER = new Reader();

  private ReferenceGrantSpecCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ReferenceGrantSpec> {
    @Override
    public void serialize(ReferenceGrantSpec v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      {
        g.writeFieldName(F_FROM);
        g.writeStartArray();
        for (ReferenceGrantFrom e : v.from()) {
          ReferenceGrantFromCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      {
        g.writeFieldName(F_TO);
        g.writeStartArray();
        for (ReferenceGrantTo e : v.to()) {
          ReferenceGrantToCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ReferenceGrantSpec> handledType() {
      return ReferenceGrantSpec.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ReferenceGrantSpec> {
    @Override
    public ReferenceGrantSpec deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      ReferenceGrantSpec.Builder b = ReferenceGrantSpec.builder();
      readInto(p, ctxt, b);
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ReferenceGrantSpec.class, p, ctxt);
      }
    }

    /**
     * Reads the fields of the object at {@code p} into {@code b} without building it, for a kind's
     * reader that builds the whole object at once (the nested builder saves copying the finished
     * value into it).
     */
    public void readInto(JsonParser p, DeserializationContext ctxt, ReferenceGrantSpec.Builder b)
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
            case "from":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addFrom(Codecs.object(p, ctxt, ReferenceGrantFromCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "to":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addTo(Codecs.object(p, ctxt, ReferenceGrantToCodec.READER));
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
        throw Codecs.wrap(e, ReferenceGrantSpec.class, field, p);
      }
    }

    @Override
    public Class<?> handledType() {
      return ReferenceGrantSpec.class;
    }
  }
}
