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
 * Streaming JSON codec of {@link SubjectAltName}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class SubjectAltNameCodec {
  private static final SerializedString F_TYPE = new SerializedString("type");
  private static final SerializedString F_HOSTNAME = new SerializedString("hostname");
  private static final SerializedString F_URI = new SerializedString("uri");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("type", "hostname", "uri");

  /** Writes {@link SubjectAltName}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link SubjectAltName}. */
  public static final Reader READER = new Reader();

  private SubjectAltNameCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<SubjectAltName> {
    @Override
    public void serialize(SubjectAltName v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_TYPE);
      g.writeString(v.type().value());
      if (v.hostname().isPresent()) {
        g.writeFieldName(F_HOSTNAME);
        g.writeString(v.hostname().get());
      }
      if (v.uri().isPresent()) {
        g.writeFieldName(F_URI);
        g.writeString(v.uri().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<SubjectAltName> handledType() {
      return SubjectAltName.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<SubjectAltName> {
    @Override
    public SubjectAltName deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      SubjectAltName.Builder b = SubjectAltName.builder();
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
              b.type(SubjectAltNameType.of(Codecs.string(p, ctxt)));
              break;
            case "hostname":
              b.hostname(Codecs.string(p, ctxt));
              break;
            case "uri":
              b.uri(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, SubjectAltName.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, SubjectAltName.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return SubjectAltName.class;
    }
  }
}
