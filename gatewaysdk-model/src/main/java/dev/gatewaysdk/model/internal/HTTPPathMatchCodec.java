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
 * Streaming JSON codec of {@link HTTPPathMatch}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class HTTPPathMatchCodec {
  private static final SerializedString F_TYPE = new SerializedString("type");
  private static final SerializedString F_VALUE = new SerializedString("value");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("type", "value");

  /** Writes {@link HTTPPathMatch}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPPathMatch}. */
  public static final Reader READER = new Reader();

  private HTTPPathMatchCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPPathMatch> {
    @Override
    public void serialize(HTTPPathMatch v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.type().isPresent()) {
        g.writeFieldName(F_TYPE);
        g.writeString(v.type().get().value());
      }
      if (v.value().isPresent()) {
        g.writeFieldName(F_VALUE);
        g.writeString(v.value().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPPathMatch> handledType() {
      return HTTPPathMatch.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPPathMatch> {
    @Override
    public HTTPPathMatch deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPPathMatch.Builder b = HTTPPathMatch.builder();
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
              b.type(PathMatchType.of(Codecs.string(p, ctxt)));
              break;
            case "value":
              b.value(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPPathMatch.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPPathMatch.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPPathMatch.class;
    }
  }
}
