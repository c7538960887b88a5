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
 * Streaming JSON codec of {@link GRPCBackendRef}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class GRPCBackendRefCodec {
  private static final SerializedString F_GROUP = new SerializedString("group");
  private static final SerializedString F_KIND = new SerializedString("kind");
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_NAMESPACE = new SerializedString("namespace");
  private static final SerializedString F_PORT = new SerializedString("port");
  private static final SerializedString F_WEIGHT = new SerializedString("weight");
  private static final SerializedString F_FILTERS = new SerializedString("filters");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("group", "kind", "name", "namespace", "port", "weight", "filters");

  /** Writes {@link GRPCBackendRef}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GRPCBackendRef}. */
  public static final Reader READER = new Reader();

  private GRPCBackendRefCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GRPCBackendRef> {
    @Override
    public void serialize(GRPCBackendRef v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (v.group().isPresent()) {
        g.writeFieldName(F_GROUP);
        g.writeString(v.group().get());
      }
      if (v.kind().isPresent()) {
        g.writeFieldName(F_KIND);
        g.writeString(v.kind().get());
      }
      g.writeFieldName(F_NAME);
      g.writeString(v.name());
      if (v.namespace().isPresent()) {
        g.writeFieldName(F_NAMESPACE);
        g.writeString(v.namespace().get());
      }
      if (v.port().isPresent()) {
        g.writeFieldName(F_PORT);
        g.writeNumber(v.port().get());
      }
      if (v.weight().isPresent()) {
        g.writeFieldName(F_WEIGHT);
        g.writeNumber(v.weight().get());
      }
      if (!v.filters().isEmpty()) {
        g.writeFieldName(F_FILTERS);
        g.writeStartArray();
        for (GRPCRouteFilter e : v.filters()) {
          GRPCRouteFilterCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GRPCBackendRef> handledType() {
      return GRPCBackendRef.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GRPCBackendRef> {
    @Override
    public GRPCBackendRef deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      GRPCBackendRef.Builder b = GRPCBackendRef.builder();
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
            case "group":
              b.group(Codecs.string(p, ctxt));
              break;
            case "kind":
              b.kind(Codecs.string(p, ctxt));
              break;
            case "name":
              b.name(Codecs.string(p, ctxt));
              break;
            case "namespace":
              b.namespace(Codecs.string(p, ctxt));
              break;
            case "port":
              b.port(Codecs.intValue(p, ctxt));
              break;
            case "weight":
              b.weight(Codecs.intValue(p, ctxt));
              break;
            case "filters":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addFilter(Codecs.object(p, ctxt, GRPCRouteFilterCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GRPCBackendRef.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GRPCBackendRef.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return GRPCBackendRef.class;
    }
  }
}
