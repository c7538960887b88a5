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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streaming JSON codec of {@link ListenerTLSConfig}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class ListenerTLSConfigCodec {
  private static final SerializedString F_MODE = new SerializedString("mode");
  private static final SerializedString F_CERTIFICATE_REFS =
      new SerializedString("certificateRefs");
  private static final SerializedString F_OPTIONS = new SerializedString("options");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("mode", "certificateRefs", "options");

  /** Writes {@link ListenerTLSConfig}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ListenerTLSConfig}. */
  public static final Reader READER = new Reader();

  private ListenerTLSConfigCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ListenerTLSConfig> {
    @Override
    public void serialize(ListenerTLSConfig v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.mode().isPresent()) {
        g.writeFieldName(F_MODE);
        g.writeString(v.mode().get().value());
      }
      if (!v.certificateRefs().isEmpty()) {
        g.writeFieldName(F_CERTIFICATE_REFS);
        g.writeStartArray();
        for (SecretObjectReference e : v.certificateRefs()) {
          SecretObjectReferenceCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.options().isEmpty()) {
        g.writeFieldName(F_OPTIONS);
        g.writeStartObject();
        for (Map.Entry<String, String> e : v.options().entrySet()) {
          g.writeFieldName(e.getKey());
          g.writeString(e.getValue());
        }
        g.writeEndObject();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ListenerTLSConfig> handledType() {
      return ListenerTLSConfig.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ListenerTLSConfig> {
    @Override
    public ListenerTLSConfig deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      ListenerTLSConfig.Builder b = ListenerTLSConfig.builder();
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
            case "mode":
              b.mode(TLSModeType.of(Codecs.string(p, ctxt)));
              break;
            case "certificateRefs":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addCertificateRef(Codecs.object(p, ctxt, SecretObjectReferenceCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "options":
              {
                Codecs.expectObject(p, ctxt);
                Map<String, String> map = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                  p.nextToken();
                  map.put(key, Codecs.string(p, ctxt));
                }
                b.options(map);
                break;
              }
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, ListenerTLSConfig.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ListenerTLSConfig.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return ListenerTLSConfig.class;
    }
  }
}
