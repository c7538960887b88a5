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
 * Streaming JSON codec of {@link PolicyStatus}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class PolicyStatusCodec {
  private static final SerializedString F_ANCESTORS = new SerializedString("ancestors");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("ancestors");

  /** Writes {@link PolicyStatus}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link PolicyStatus}. */
  public static final Reader READER = new Reader();

  private PolicyStatusCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<PolicyStatus> {
    @Override
    public void serialize(PolicyStatus v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      {
        g.writeFieldName(F_ANCESTORS);
        g.writeStartArray();
        for (PolicyAncestorStatus e : v.ancestors()) {
          PolicyAncestorStatusCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<PolicyStatus> handledType() {
      return PolicyStatus.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<PolicyStatus> {
    @Override
    public PolicyStatus deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      PolicyStatus.Builder b = PolicyStatus.builder();
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
            case "ancestors":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addAncestor(Codecs.object(p, ctxt, PolicyAncestorStatusCodec.READER));
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
        throw Codecs.wrap(e, PolicyStatus.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, PolicyStatus.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return PolicyStatus.class;
    }
  }
}
