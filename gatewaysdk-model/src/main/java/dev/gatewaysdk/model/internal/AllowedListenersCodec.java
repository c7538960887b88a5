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
 * Streaming JSON codec of {@link AllowedListeners}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class AllowedListenersCodec {
  private static final SerializedString F_NAMESPACES = new SerializedString("namespaces");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("namespaces");

  /** Writes {@link AllowedListeners}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link AllowedListeners}. */
  public static final Reader READER = new Reader();

  private AllowedListenersCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<AllowedListeners> {
    @Override
    public void serialize(AllowedListeners v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.namespaces().isPresent()) {
        g.writeFieldName(F_NAMESPACES);
        ListenerNamespacesCodec.WRITER.serialize(v.namespaces().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<AllowedListeners> handledType() {
      return AllowedListeners.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<AllowedListeners> {
    @Override
    public AllowedListeners deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      AllowedListeners.Builder b = AllowedListeners.builder();
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
            case "namespaces":
              b.namespaces(Codecs.object(p, ctxt, ListenerNamespacesCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, AllowedListeners.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, AllowedListeners.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return AllowedListeners.class;
    }
  }
}
