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
 * Streaming JSON codec of {@link HTTPRouteSpec}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class HTTPRouteSpecCodec {
  private static final SerializedString F_PARENT_REFS = new SerializedString("parentRefs");
  private static final SerializedString F_USE_DEFAULT_GATEWAYS =
      new SerializedString("useDefaultGateways");
  private static final SerializedString F_HOSTNAMES = new SerializedString("hostnames");
  private static final SerializedString F_RULES = new SerializedString("rules");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of("parentRefs", "useDefaultGateways", "hostnames", "rules");

  /** Writes {@link HTTPRouteSpec}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPRouteSpec}. */
  public static final Reader READER = new Reader();

  private HTTPRouteSpecCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPRouteSpec> {
    @Override
    public void serialize(HTTPRouteSpec v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      if (!v.parentRefs().isEmpty()) {
        g.writeFieldName(F_PARENT_REFS);
        g.writeStartArray();
        for (ParentReference e : v.parentRefs()) {
          ParentReferenceCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (v.useDefaultGateways().isPresent()) {
        g.writeFieldName(F_USE_DEFAULT_GATEWAYS);
        g.writeString(v.useDefaultGateways().get().value());
      }
      if (!v.hostnames().isEmpty()) {
        g.writeFieldName(F_HOSTNAMES);
        g.writeStartArray();
        for (String e : v.hostnames()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      if (!v.rules().isEmpty()) {
        g.writeFieldName(F_RULES);
        g.writeStartArray();
        for (HTTPRouteRule e : v.rules()) {
          HTTPRouteRuleCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPRouteSpec> handledType() {
      return HTTPRouteSpec.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPRouteSpec> {
    @Override
    public HTTPRouteSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      HTTPRouteSpec.Builder b = HTTPRouteSpec.builder();
      readInto(p, ctxt, b);
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPRouteSpec.class, p, ctxt);
      }
    }

    /**
     * Reads the fields of the object at {@code p} into {@code b} without building it, for a kind's
     * reader that builds the whole object at once (the nested builder saves copying the finished
     * value into it).
     */
    public void readInto(JsonParser p, DeserializationContext ctxt, HTTPRouteSpec.Builder b)
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
            case "parentRefs":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addParentRef(Codecs.object(p, ctxt, ParentReferenceCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "useDefaultGateways":
              b.useDefaultGateways(GatewayDefaultScope.of(Codecs.string(p, ctxt)));
              break;
            case "hostnames":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addHostname(Codecs.string(p, ctxt));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "rules":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addRule(Codecs.object(p, ctxt, HTTPRouteRuleCodec.READER));
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
        throw Codecs.wrap(e, HTTPRouteSpec.class, field, p);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPRouteSpec.class;
    }
  }
}
