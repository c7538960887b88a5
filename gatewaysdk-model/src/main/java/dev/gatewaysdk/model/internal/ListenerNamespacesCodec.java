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
 * Streaming JSON codec of {@link ListenerNamespaces}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class ListenerNamespacesCodec {
  private static final SerializedString F_FROM = new SerializedString("from");
  private static final SerializedString F_SELECTOR = new SerializedString("selector");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("from", "selector");

  /** Writes {@link ListenerNamespaces}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ListenerNamespaces}. */
  public static final Reader READER = new Reader();

  private ListenerNamespacesCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ListenerNamespaces> {
    @Override
    public void serialize(ListenerNamespaces v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.from().isPresent()) {
        g.writeFieldName(F_FROM);
        g.writeString(v.from().get().value());
      }
      if (v.selector().isPresent()) {
        g.writeFieldName(F_SELECTOR);
        LabelSelectorCodec.WRITER.serialize(v.selector().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ListenerNamespaces> handledType() {
      return ListenerNamespaces.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ListenerNamespaces> {
    @Override
    public ListenerNamespaces deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      ListenerNamespaces.Builder b = ListenerNamespaces.builder();
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
              b.from(FromNamespaces.of(Codecs.string(p, ctxt)));
              break;
            case "selector":
              b.selector(Codecs.object(p, ctxt, LabelSelectorCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, ListenerNamespaces.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ListenerNamespaces.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return ListenerNamespaces.class;
    }
  }
}
