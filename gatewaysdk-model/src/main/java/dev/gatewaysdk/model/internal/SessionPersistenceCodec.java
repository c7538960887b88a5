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
 * Streaming JSON codec of {@link SessionPersistence}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class SessionPersistenceCodec {
  private static final SerializedString F_SESSION_NAME = new SerializedString("sessionName");
  private static final SerializedString F_ABSOLUTE_TIMEOUT =
      new SerializedString("absoluteTimeout");
  private static final SerializedString F_TYPE = new SerializedString("type");
  private static final SerializedString F_COOKIE_CONFIG = new SerializedString("cookieConfig");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("sessionName", "absoluteTimeout", "type", "cookieConfig");

  /** Writes {@link SessionPersistence}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link SessionPersistence}. */
  public static final Reader READER = new Reader();

  private SessionPersistenceCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<SessionPersistence> {
    @Override
    public void serialize(SessionPersistence v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.sessionName().isPresent()) {
        g.writeFieldName(F_SESSION_NAME);
        g.writeString(v.sessionName().get());
      }
      if (v.absoluteTimeout().isPresent()) {
        g.writeFieldName(F_ABSOLUTE_TIMEOUT);
        g.writeString(v.absoluteTimeout().get());
      }
      if (v.type().isPresent()) {
        g.writeFieldName(F_TYPE);
        g.writeString(v.type().get().value());
      }
      if (v.cookieConfig().isPresent()) {
        g.writeFieldName(F_COOKIE_CONFIG);
        CookieConfigCodec.WRITER.serialize(v.cookieConfig().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<SessionPersistence> handledType() {
      return SessionPersistence.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<SessionPersistence> {
    @Override
    public SessionPersistence deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      SessionPersistence.Builder b = SessionPersistence.builder();
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
            case "sessionName":
              b.sessionName(Codecs.string(p, ctxt));
              break;
            case "absoluteTimeout":
              b.absoluteTimeout(Codecs.string(p, ctxt));
              break;
            case "type":
              b.type(SessionPersistenceType.of(Codecs.string(p, ctxt)));
              break;
            case "cookieConfig":
              b.cookieConfig(Codecs.object(p, ctxt, CookieConfigCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, SessionPersistence.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, SessionPersistence.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return SessionPersistence.class;
    }
  }
}
