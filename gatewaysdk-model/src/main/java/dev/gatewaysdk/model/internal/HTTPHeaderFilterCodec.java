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
 * Streaming JSON codec of {@link HTTPHeaderFilter}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class HTTPHeaderFilterCodec {
  private static final SerializedString F_SET = new SerializedString("set");
  private static final SerializedString F_ADD = new SerializedString("add");
  private static final SerializedString F_REMOVE = new SerializedString("remove");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("set", "add", "remove");

  /** Writes {@link HTTPHeaderFilter}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPHeaderFilter}. */
  public static final Reader READER = new Reader();

  private HTTPHeaderFilterCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPHeaderFilter> {
    @Override
    public void serialize(HTTPHeaderFilter v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.set().isEmpty()) {
        g.writeFieldName(F_SET);
        g.writeStartArray();
        for (HTTPHeader e : v.set()) {
          HTTPHeaderCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.add().isEmpty()) {
        g.writeFieldName(F_ADD);
        g.writeStartArray();
        for (HTTPHeader e : v.add()) {
          HTTPHeaderCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.remove().isEmpty()) {
        g.writeFieldName(F_REMOVE);
        g.writeStartArray();
        for (String e : v.remove()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPHeaderFilter> handledType() {
      return HTTPHeaderFilter.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPHeaderFilter> {
    @Override
    public HTTPHeaderFilter deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPHeaderFilter.Builder b = HTTPHeaderFilter.builder();
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
            case "set":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addSet(Codecs.object(p, ctxt, HTTPHeaderCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "add":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAdd(Codecs.object(p, ctxt, HTTPHeaderCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "remove":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addRemove(Codecs.string(p, ctxt));
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
        throw Codecs.wrap(e, HTTPHeaderFilter.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPHeaderFilter.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPHeaderFilter.class;
    }
  }
}
