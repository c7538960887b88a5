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
 * Streaming JSON codec of {@link HTTPURLRewriteFilter}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class HTTPURLRewriteFilterCodec {
  private static final SerializedString F_HOSTNAME = new SerializedString("hostname");
  private static final SerializedString F_PATH = new SerializedString("path");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("hostname", "path");

  /** Writes {@link HTTPURLRewriteFilter}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPURLRewriteFilter}. */
  public static final Reader READER = new Reader();

  private HTTPURLRewriteFilterCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPURLRewriteFilter> {
    @Override
    public void serialize(HTTPURLRewriteFilter v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.hostname().isPresent()) {
        g.writeFieldName(F_HOSTNAME);
        g.writeString(v.hostname().get());
      }
      if (v.path().isPresent()) {
        g.writeFieldName(F_PATH);
        HTTPPathModifierCodec.WRITER.serialize(v.path().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPURLRewriteFilter> handledType() {
      return HTTPURLRewriteFilter.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPURLRewriteFilter> {
    @Override
    public HTTPURLRewriteFilter deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPURLRewriteFilter.Builder b = HTTPURLRewriteFilter.builder();
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
            case "hostname":
              b.hostname(Codecs.string(p, ctxt));
              break;
            case "path":
              b.path(Codecs.object(p, ctxt, HTTPPathModifierCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPURLRewriteFilter.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPURLRewriteFilter.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPURLRewriteFilter.class;
    }
  }
}
