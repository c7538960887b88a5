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
 * Streaming JSON codec of {@link OwnerReference}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class OwnerReferenceCodec {
  private static final SerializedString F_API_VERSION = new SerializedString("apiVersion");
  private static final SerializedString F_KIND = new SerializedString("kind");
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_UID = new SerializedString("uid");
  private static final SerializedString F_CONTROLLER = new SerializedString("controller");
  private static final SerializedString F_BLOCK_OWNER_DELETION =
      new SerializedString("blockOwnerDeletion");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion");

  /** Writes {@link OwnerReference}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link OwnerReference}. */
  public static final Reader READER = new Reader();

  private OwnerReferenceCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<OwnerReference> {
    @Override
    public void serialize(OwnerReference v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_API_VERSION);
      g.writeString(v.apiVersion());
      g.writeFieldName(F_KIND);
      g.writeString(v.kind());
      g.writeFieldName(F_NAME);
      g.writeString(v.name());
      g.writeFieldName(F_UID);
      g.writeString(v.uid());
      if (v.controller().isPresent()) {
        g.writeFieldName(F_CONTROLLER);
        g.writeBoolean(v.controller().get());
      }
      if (v.blockOwnerDeletion().isPresent()) {
        g.writeFieldName(F_BLOCK_OWNER_DELETION);
        g.writeBoolean(v.blockOwnerDeletion().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<OwnerReference> handledType() {
      return OwnerReference.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<OwnerReference> {
    @Override
    public OwnerReference deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      OwnerReference.Builder b = OwnerReference.builder();
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
            case "apiVersion":
              b.apiVersion(Codecs.string(p, ctxt));
              break;
            case "kind":
              b.kind(Codecs.string(p, ctxt));
              break;
            case "name":
              b.name(Codecs.string(p, ctxt));
              break;
            case "uid":
              b.uid(Codecs.string(p, ctxt));
              break;
            case "controller":
              b.controller(Codecs.booleanValue(p, ctxt));
              break;
            case "blockOwnerDeletion":
              b.blockOwnerDeletion(Codecs.booleanValue(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, OwnerReference.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, OwnerReference.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return OwnerReference.class;
    }
  }
}
