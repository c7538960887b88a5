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
 * Streaming JSON codec of {@link SecretObjectReference}: field by field, without reflection. Kept
 * in sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class SecretObjectReferenceCodec {
  private static final SerializedString F_GROUP = new SerializedString("group");
  private static final SerializedString F_KIND = new SerializedString("kind");
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_NAMESPACE = new SerializedString("namespace");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("group", "kind", "name", "namespace");

  /** Writes {@link SecretObjectReference}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link SecretObjectReference}. */
  public static final Reader READER = new Reader();

  private SecretObjectReferenceCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<SecretObjectReference> {
    @Override
    public void serialize(SecretObjectReference v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.group().isPresent()) {
        g.writeFieldName(F_GROUP);
        g.writeString(v.group().get());
      }
      if (v.kind().isPresent()) {
        g.writeFieldName(F_KIND);
        g.writeString(v.kind().get());
      }
      g.writeFieldName(F_NAME);
      g.writeString(v.name());
      if (v.namespace().isPresent()) {
        g.writeFieldName(F_NAMESPACE);
        g.writeString(v.namespace().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<SecretObjectReference> handledType() {
      return SecretObjectReference.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<SecretObjectReference> {
    @Override
    public SecretObjectReference deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      SecretObjectReference.Builder b = SecretObjectReference.builder();
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
            case "namespace":
              b.namespace(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, SecretObjectReference.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, SecretObjectReference.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return SecretObjectReference.class;
    }
  }
}
