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
 * Streaming JSON codec of {@link Fraction}: field by field, without reflection. Kept in sync with
 * the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any property
 * it does not read or write.
 */
public final class FractionCodec {
  private static final SerializedString F_NUMERATOR = new SerializedString("numerator");
  private static final SerializedString F_DENOMINATOR = new SerializedString("denominator");

  private static final java.util.Set<String> KNOWN = java.util.Set.of("numerator", "denominator");

  /** Writes {@link Fraction}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link Fraction}. */
  public static final Reader READER = new Reader();

  private FractionCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<Fraction> {
    @Override
    public void serialize(Fraction v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_NUMERATOR);
      g.writeNumber(v.numerator());
      if (v.denominator().isPresent()) {
        g.writeFieldName(F_DENOMINATOR);
        g.writeNumber(v.denominator().get());
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<Fraction> handledType() {
      return Fraction.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<Fraction> {
    @Override
    public Fraction deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Codecs.expectObject(p, ctxt);
      Fraction.Builder b = Fraction.builder();
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
            case "numerator":
              b.numerator(Codecs.intValue(p, ctxt));
              break;
            case "denominator":
              b.denominator(Codecs.intValue(p, ctxt));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, Fraction.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, Fraction.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return Fraction.class;
    }
  }
}
