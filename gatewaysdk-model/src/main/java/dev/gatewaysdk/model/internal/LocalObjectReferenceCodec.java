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
 * Streaming JSON codec of {@link LocalObjectReference}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class LocalObjectReferenceCodec {
  private static final SerializedString F_GROUP = new SerializedString("group");
  private static final SerializedString F_KIND = new SerializedString("kind");
  private static final SerializedString F_NAME = new SerializedString("name");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("group", "kind", "name");

  /** Writes {@link LocalObjectReference}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link LocalObjectReference}. */
  public static final Reader READER = new Reader();

  private LocalObjectReferenceCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<LocalObjectReference> {
    @Override
    public void serialize(LocalObjectReference v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_GROUP);
      g.writeString(v.group());
      g.writeFieldName(F_KIND);
      g.writeString(v.kind());
      g.writeFieldName(F_NAME);
      g.writeString(v.name());
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<LocalObjectReference> handledType() {
      return LocalObjectReference.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<LocalObjectReference> {
    @Override
    public LocalObjectReference deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      LocalObjectReference.Builder b = LocalObjectReference.builder();
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
            case "group":
              b.group(Codecs.string(p, ctxt));
              break;
            case "kind":
              b.kind(Codecs.string(p, ctxt));
              break;
            case "name":
              b.name(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, LocalObjectReference.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, LocalObjectReference.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return LocalObjectReference.class;
    }
  }
}
