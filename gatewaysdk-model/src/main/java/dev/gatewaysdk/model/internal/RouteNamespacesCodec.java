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
 * Streaming JSON codec of {@link RouteNamespaces}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class RouteNamespacesCodec {
  private static final SerializedString F_FROM = new SerializedString("from");
  private static final SerializedString F_SELECTOR = new SerializedString("selector");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("from", "selector");

  /** Writes {@link RouteNamespaces}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link RouteNamespaces}. */
  public static final Reader READER = new Reader();

  private RouteNamespacesCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<RouteNamespaces> {
    @Override
    public void serialize(RouteNamespaces v, JsonGenerator g, SerializerProvider p)
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
    public Class<RouteNamespaces> handledType() {
      return RouteNamespaces.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<RouteNamespaces> {
    @Override
    public RouteNamespaces deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      RouteNamespaces.Builder b = RouteNamespaces.builder();
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
        throw Codecs.wrap(e, RouteNamespaces.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, RouteNamespaces.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return RouteNamespaces.class;
    }
  }
}
