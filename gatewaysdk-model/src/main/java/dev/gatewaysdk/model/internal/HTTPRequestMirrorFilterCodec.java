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
 * Streaming JSON codec of {@link HTTPRequestMirrorFilter}: field by field, without reflection. Kept
 * in sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class HTTPRequestMirrorFilterCodec {
  private static final SerializedString F_BACKEND_REF = new SerializedString("backendRef");
  private static final SerializedString F_PERCENT = new SerializedString("percent");
  private static final SerializedString F_FRACTION = new SerializedString("fraction");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("backendRef", "percent", "fraction");

  /** Writes {@link HTTPRequestMirrorFilter}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPRequestMirrorFilter}. */
  public static final Reader READER = new Reader();

  private HTTPRequestMirrorFilterCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPRequestMirrorFilter> {
    @Override
    public void serialize(HTTPRequestMirrorFilter v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_BACKEND_REF);
      BackendObjectReferenceCodec.WRITER.serialize(v.backendRef(), g, p);
      if (v.percent().isPresent()) {
        g.writeFieldName(F_PERCENT);
        g.writeNumber(v.percent().get());
      }
      if (v.fraction().isPresent()) {
        g.writeFieldName(F_FRACTION);
        FractionCodec.WRITER.serialize(v.fraction().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPRequestMirrorFilter> handledType() {
      return HTTPRequestMirrorFilter.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPRequestMirrorFilter> {
    @Override
    public HTTPRequestMirrorFilter deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPRequestMirrorFilter.Builder b = HTTPRequestMirrorFilter.builder();
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
            case "backendRef":
              b.backendRef(Codecs.object(p, ctxt, BackendObjectReferenceCodec.READER));
              break;
            case "percent":
              b.percent(Codecs.intValue(p, ctxt));
              break;
            case "fraction":
              b.fraction(Codecs.object(p, ctxt, FractionCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPRequestMirrorFilter.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPRequestMirrorFilter.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPRequestMirrorFilter.class;
    }
  }
}
