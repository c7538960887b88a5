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
 * Streaming JSON codec of {@link HTTPPathModifier}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class HTTPPathModifierCodec {
  private static final SerializedString F_TYPE = new SerializedString("type");
  private static final SerializedString F_REPLACE_FULL_PATH =
      new SerializedString("replaceFullPath");
  private static final SerializedString F_REPLACE_PREFIX_MATCH =
      new SerializedString("replacePrefixMatch");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("type", "replaceFullPath", "replacePrefixMatch");

  /** Writes {@link HTTPPathModifier}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPPathModifier}. */
  public static final Reader READER = new Reader();

  private HTTPPathModifierCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPPathModifier> {
    @Override
    public void serialize(HTTPPathModifier v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_TYPE);
      g.writeString(v.type().value());
      if (v.replaceFullPath().isPresent()) {
        g.writeFieldName(F_REPLACE_FULL_PATH);
        g.writeString(v.replaceFullPath().get());
      }
      if (v.replacePrefixMatch().isPresent()) {
        g.writeFieldName(F_REPLACE_PREFIX_MATCH);
        g.writeString(v.replacePrefixMatch().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPPathModifier> handledType() {
      return HTTPPathModifier.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPPathModifier> {
    @Override
    public HTTPPathModifier deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPPathModifier.Builder b = HTTPPathModifier.builder();
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
              b.type(HTTPPathModifierType.of(Codecs.string(p, ctxt)));
              break;
            case "replaceFullPath":
              b.replaceFullPath(Codecs.string(p, ctxt));
              break;
            case "replacePrefixMatch":
              b.replacePrefixMatch(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPPathModifier.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPPathModifier.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPPathModifier.class;
    }
  }
}
