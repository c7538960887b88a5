package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.gatewaysdk.model.*;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Streaming JSON codec of {@link GatewayClass}: field by field, without reflection. Kept in sync with the model type by
 * the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any property it does not read or write. */
public final class GatewayClassCodec {
  private static final SerializedString F_METADATA = new SerializedString("metadata");
  private static final SerializedString F_SPEC = new SerializedString("spec");
  private static final SerializedString F_STATUS = new SerializedString("status");
  private static final SerializedString F_API_VERSION = new SerializedString("apiVersion");
  private static final SerializedString F_KIND = new SerializedString("kind");
  private static final SerializedString F_KIND_VALUE = new SerializedString(GatewayClass.KIND);

  private static final java.util.Set<String> KNOWN = java.util.Set.of("metadata", "spec", "status", "apiVersion", "kind");

  /** Writes {@link GatewayClass}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GatewayClass}. */
  public static final Reader READER = new Reader();

  private GatewayClassCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GatewayClass> {
    @Override
    public void serialize(GatewayClass v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
    g.writeFieldName(F_API_VERSION);
    g.writeString(v.apiVersion());
    g.writeFieldName(F_KIND);
    g.writeString(F_KIND_VALUE);
    g.writeFieldName(F_METADATA);
    ObjectMetaCodec.WRITER.serialize(v.metadata(), g, p);
    g.writeFieldName(F_SPEC);
    GatewayClassSpecCodec.WRITER.serialize(v.spec(), g, p);
    if (v.status().isPresent()) {
      g.writeFieldName(F_STATUS);
      GatewayClassStatusCodec.WRITER.serialize(v.status().get(), g, p);
    }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GatewayClass> handledType() {
      return GatewayClass.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GatewayClass> {
    @Override
    public GatewayClass deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      GatewayClass.Builder b = GatewayClass.builder();
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
          case "apiVersion":
            b.apiVersion(Codecs.string(p, ctxt));
            break;
          case "kind": {
            String k = Codecs.string(p, ctxt);
            if (!GatewayClass.KIND.equals(k)) {
              throw new IllegalArgumentException("kind must be " + GatewayClass.KIND + ": " + k);
            }
            break;
          }
          case "metadata":
            b.metadata(Codecs.object(p, ctxt, ObjectMetaCodec.READER));
            break;
          case "spec":
            b.spec(Codecs.object(p, ctxt, GatewayClassSpecCodec.READER));
            break;
          case "status":
            b.status(Codecs.object(p, ctxt, GatewayClassStatusCodec.READER));
            break;
          default:
            b.putUnknownField(field, Codecs.unknown(p, ctxt));
        }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GatewayClass.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GatewayClass.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GatewayClass.class;
    }
  }
}
