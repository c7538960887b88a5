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
 * Streaming JSON codec of {@link GatewayClassSpec}: field by field, without reflection. Kept in
 * sync with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on
 * any property it does not read or write.
 */
public final class GatewayClassSpecCodec {
  private static final SerializedString F_CONTROLLER_NAME = new SerializedString("controllerName");
  private static final SerializedString F_PARAMETERS_REF = new SerializedString("parametersRef");
  private static final SerializedString F_DESCRIPTION = new SerializedString("description");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("controllerName", "parametersRef", "description");

  /** Writes {@link GatewayClassSpec}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GatewayClassSpec}. */
  public static final Reader READER = new Reader();

  private GatewayClassSpecCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GatewayClassSpec> {
    @Override
    public void serialize(GatewayClassSpec v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_CONTROLLER_NAME);
      g.writeString(v.controllerName());
      if (v.parametersRef().isPresent()) {
        g.writeFieldName(F_PARAMETERS_REF);
        ParametersReferenceCodec.WRITER.serialize(v.parametersRef().get(), g, p);
      }
      if (v.description().isPresent()) {
        g.writeFieldName(F_DESCRIPTION);
        g.writeString(v.description().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GatewayClassSpec> handledType() {
      return GatewayClassSpec.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GatewayClassSpec> {
    @Override
    public GatewayClassSpec deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      GatewayClassSpec.Builder b = GatewayClassSpec.builder();
      readInto(p, ctxt, b);
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GatewayClassSpec.class, p, ctxt);
      }
    }

    /**
     * Reads the fields of the object at {@code p} into {@code b} without building it, for a kind's
     * reader that builds the whole object at once (the nested builder saves copying the finished
     * value into it).
     */
    public void readInto(JsonParser p, DeserializationContext ctxt, GatewayClassSpec.Builder b)
        throws IOException {
      Codecs.expectObject(p, ctxt);
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
            case "controllerName":
              b.controllerName(Codecs.string(p, ctxt));
              break;
            case "parametersRef":
              b.parametersRef(Codecs.object(p, ctxt, ParametersReferenceCodec.READER));
              break;
            case "description":
              b.description(Codecs.string(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GatewayClassSpec.class, field, p);
      }
    }

    @Override
    public Class<?> handledType() {
      return GatewayClassSpec.class;
    }
  }
}
