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
 * Streaming JSON codec of {@link GatewaySpec}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class GatewaySpecCodec {
  private static final SerializedString F_GATEWAY_CLASS_NAME =
      new SerializedString("gatewayClassName");
  private static final SerializedString F_LISTENERS = new SerializedString("listeners");
  private static final SerializedString F_ADDRESSES = new SerializedString("addresses");
  private static final SerializedString F_INFRASTRUCTURE = new SerializedString("infrastructure");
  private static final SerializedString F_ALLOWED_LISTENERS =
      new SerializedString("allowedListeners");
  private static final SerializedString F_TLS = new SerializedString("tls");
  private static final SerializedString F_DEFAULT_SCOPE = new SerializedString("defaultScope");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of(
          "gatewayClassName",
          "listeners",
          "addresses",
          "infrastructure",
          "allowedListeners",
          "tls",
          "defaultScope");

  /** Writes {@link GatewaySpec}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link GatewaySpec}. */
  public static final Reader READER = new Reader();

  private GatewaySpecCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<GatewaySpec> {
    @Override
    public void serialize(GatewaySpec v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_GATEWAY_CLASS_NAME);
      g.writeString(v.gatewayClassName());
      {
        g.writeFieldName(F_LISTENERS);
        g.writeStartArray();
        for (Listener e : v.listeners()) {
          ListenerCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.addresses().isEmpty()) {
        g.writeFieldName(F_ADDRESSES);
        g.writeStartArray();
        for (GatewaySpecAddress e : v.addresses()) {
          GatewaySpecAddressCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (v.infrastructure().isPresent()) {
        g.writeFieldName(F_INFRASTRUCTURE);
        GatewayInfrastructureCodec.WRITER.serialize(v.infrastructure().get(), g, p);
      }
      if (v.allowedListeners().isPresent()) {
        g.writeFieldName(F_ALLOWED_LISTENERS);
        AllowedListenersCodec.WRITER.serialize(v.allowedListeners().get(), g, p);
      }
      if (v.tls().isPresent()) {
        g.writeFieldName(F_TLS);
        GatewayTLSConfigCodec.WRITER.serialize(v.tls().get(), g, p);
      }
      if (v.defaultScope().isPresent()) {
        g.writeFieldName(F_DEFAULT_SCOPE);
        g.writeString(v.defaultScope().get().value());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<GatewaySpec> handledType() {
      return GatewaySpec.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<GatewaySpec> {
    @Override
    public GatewaySpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      GatewaySpec.Builder b = GatewaySpec.builder();
      readInto(p, ctxt, b);
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, GatewaySpec.class, p, ctxt);
      }
    }

    /**
     * Reads the fields of the object at {@code p} into {@code b} without building it, for a kind's
     * reader that builds the whole object at once (the nested builder saves copying the finished
     * value into it).
     */
    public void readInto(JsonParser p, DeserializationContext ctxt, GatewaySpec.Builder b)
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
            case "gatewayClassName":
              b.gatewayClassName(Codecs.string(p, ctxt));
              break;
            case "listeners":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addListener(Codecs.object(p, ctxt, ListenerCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "addresses":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAddress(Codecs.object(p, ctxt, GatewaySpecAddressCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "infrastructure":
              b.infrastructure(Codecs.object(p, ctxt, GatewayInfrastructureCodec.READER));
              break;
            case "allowedListeners":
              b.allowedListeners(Codecs.object(p, ctxt, AllowedListenersCodec.READER));
              break;
            case "tls":
              b.tls(Codecs.object(p, ctxt, GatewayTLSConfigCodec.READER));
              break;
            case "defaultScope":
              b.defaultScope(GatewayDefaultScope.of(Codecs.string(p, ctxt)));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, GatewaySpec.class, field, p);
      }
    }

    @Override
    public Class<?> handledType() {
      return GatewaySpec.class;
    }
  }
}
