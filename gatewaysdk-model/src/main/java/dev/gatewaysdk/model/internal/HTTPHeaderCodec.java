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
 * Streaming JSON codec of {@link HTTPHeader}: field by field, without reflection. Kept in sync with
 * the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any property
 * it does not read or write.
 */
public final class HTTPHeaderCodec {
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_VALUE = new SerializedString("value");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("name", "value");

  /** Writes {@link HTTPHeader}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPHeader}. */
  public static final Reader READER = new Reader();

  private HTTPHeaderCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPHeader> {
    @Override
    public void serialize(HTTPHeader v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_NAME);
      g.writeString(v.name());
      g.writeFieldName(F_VALUE);
      g.writeString(v.value());
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPHeader> handledType() {
      return HTTPHeader.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPHeader> {
    @Override
    public HTTPHeader deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPHeader.Builder b = HTTPHeader.builder();
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
            case "value":
              b.value(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPHeader.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPHeader.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPHeader.class;
    }
  }
}
