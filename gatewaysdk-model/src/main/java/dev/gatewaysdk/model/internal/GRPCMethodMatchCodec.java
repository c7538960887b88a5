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
 * Streaming JSON codec of {@link GRPCMethodMatch}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class GRPCMethodMatchCodec {
  private static final SerializedString F_TYPE = new SerializedString("type");
  private static final SerializedString F_SERVICE = new SerializedString("service");
  private static final SerializedString F_METHOD = new SerializedString("method");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("type", "service", "method");

  /** Writes {@link GRPCMethodMatch}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GRPCMethodMatch}. */
  public static final Reader READER = new Reader();

  private GRPCMethodMatchCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GRPCMethodMatch> {
    @Override
    public void serialize(GRPCMethodMatch v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.type().isPresent()) {
        g.writeFieldName(F_TYPE);
        g.writeString(v.type().get().value());
      }
      if (v.service().isPresent()) {
        g.writeFieldName(F_SERVICE);
        g.writeString(v.service().get());
      }
      if (v.method().isPresent()) {
        g.writeFieldName(F_METHOD);
        g.writeString(v.method().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GRPCMethodMatch> handledType() {
      return GRPCMethodMatch.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GRPCMethodMatch> {
    @Override
    public GRPCMethodMatch deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      GRPCMethodMatch.Builder b = GRPCMethodMatch.builder();
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
              b.type(GRPCMethodMatchType.of(Codecs.string(p, ctxt)));
              break;
            case "service":
              b.service(Codecs.string(p, ctxt));
              break;
            case "method":
              b.method(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GRPCMethodMatch.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GRPCMethodMatch.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GRPCMethodMatch.class;
    }
  }
}
