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
 * Streaming JSON codec of {@link GatewayInfrastructure}: field by field, without reflection. Kept
 * in sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class GatewayInfrastructureCodec {
  private static final SerializedString F_LABELS = new SerializedString("labels");
  private static final SerializedString F_ANNOTATIONS = new SerializedString("annotations");
  private static final SerializedString F_PARAMETERS_REF = new SerializedString("parametersRef");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("labels", "annotations", "parametersRef");

  /** Writes {@link GatewayInfrastructure}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GatewayInfrastructure}. */
  public static final Reader READER = new Reader();

  private GatewayInfrastructureCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GatewayInfrastructure> {
    @Override
    public void serialize(GatewayInfrastructure v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.labels().isEmpty()) {
        g.writeFieldName(F_LABELS);
        g.writeStartObject();
        for (Map.Entry<String, String> e : v.labels().entrySet()) {
          g.writeFieldName(e.getKey());
          g.writeString(e.getValue());
        }
        g.writeEndObject();
      }
      if (!v.annotations().isEmpty()) {
        g.writeFieldName(F_ANNOTATIONS);
        g.writeStartObject();
        for (Map.Entry<String, String> e : v.annotations().entrySet()) {
          g.writeFieldName(e.getKey());
          g.writeString(e.getValue());
        }
        g.writeEndObject();
      }
      if (v.parametersRef().isPresent()) {
        g.writeFieldName(F_PARAMETERS_REF);
        LocalParametersReferenceCodec.WRITER.serialize(v.parametersRef().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GatewayInfrastructure> handledType() {
      return GatewayInfrastructure.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GatewayInfrastructure> {
    @Override
    public GatewayInfrastructure deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      GatewayInfrastructure.Builder b = GatewayInfrastructure.builder();
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
            case "labels":
              {
                Codecs.expectObject(p, ctxt);
                Map<String, String> map = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                  p.nextToken();
                  map.put(key, Codecs.string(p, ctxt));
                }
                b.labels(map);
                break;
              }
            case "annotations":
              {
                Codecs.expectObject(p, ctxt);
                Map<String, String> map = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                  p.nextToken();
                  map.put(key, Codecs.string(p, ctxt));
                }
                b.annotations(map);
                break;
              }
            case "parametersRef":
              b.parametersRef(Codecs.object(p, ctxt, LocalParametersReferenceCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GatewayInfrastructure.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GatewayInfrastructure.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GatewayInfrastructure.class;
    }
  }
}
