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
 * Streaming JSON codec of {@link ListenerEntry}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class ListenerEntryCodec {
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_HOSTNAME = new SerializedString("hostname");
  private static final SerializedString F_PORT = new SerializedString("port");
  private static final SerializedString F_PROTOCOL = new SerializedString("protocol");
  private static final SerializedString F_TLS = new SerializedString("tls");
  private static final SerializedString F_ALLOWED_ROUTES = new SerializedString("allowedRoutes");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("name", "hostname", "port", "protocol", "tls", "allowedRoutes");

  /** Writes {@link ListenerEntry}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ListenerEntry}. */
  public static final Reader READER = new Reader();

  private ListenerEntryCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ListenerEntry> {
    @Override
    public void serialize(ListenerEntry v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_NAME);
      g.writeString(v.name());
      if (v.hostname().isPresent()) {
        g.writeFieldName(F_HOSTNAME);
        g.writeString(v.hostname().get());
      }
      g.writeFieldName(F_PORT);
      g.writeNumber(v.port());
      g.writeFieldName(F_PROTOCOL);
      g.writeString(v.protocol().value());
      if (v.tls().isPresent()) {
        g.writeFieldName(F_TLS);
        ListenerTLSConfigCodec.WRITER.serialize(v.tls().get(), g, p);
      }
      if (v.allowedRoutes().isPresent()) {
        g.writeFieldName(F_ALLOWED_ROUTES);
        AllowedRoutesCodec.WRITER.serialize(v.allowedRoutes().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ListenerEntry> handledType() {
      return ListenerEntry.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ListenerEntry> {
    @Override
    public ListenerEntry deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      ListenerEntry.Builder b = ListenerEntry.builder();
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
            case "hostname":
              b.hostname(Codecs.string(p, ctxt));
              break;
            case "port":
              b.port(Codecs.intValue(p, ctxt));
              break;
            case "protocol":
              b.protocol(ProtocolType.of(Codecs.string(p, ctxt)));
              break;
            case "tls":
              b.tls(Codecs.object(p, ctxt, ListenerTLSConfigCodec.READER));
              break;
            case "allowedRoutes":
              b.allowedRoutes(Codecs.object(p, ctxt, AllowedRoutesCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, ListenerEntry.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ListenerEntry.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return ListenerEntry.class;
    }
  }
}
