package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.model.ObjectBuilder;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Streaming JSON codec of the ten top-level kinds: {@code apiVersion}, {@code kind}, {@code
 * metadata}, {@code spec}, {@code status} and unknown top-level fields, with the spec and status
 * written and read by their own codecs. One {@link Writer} and one {@link Reader} serve every kind;
 * the reader specializes itself per target type. The table of the kinds' codecs is generated
 * ({@link KindCodecs}).
 *
 * @param <T> the kind
 * @param <B> its builder
 * @param <S> its spec
 * @param <U> its status ({@code Void} for kinds without one)
 */
public final class KindCodec<T extends GatewayApiObject, B extends ObjectBuilder<B>, S, U> {
  private static final SerializedString F_API_VERSION = new SerializedString("apiVersion");
  private static final SerializedString F_KIND = new SerializedString("kind");
  private static final SerializedString F_METADATA = new SerializedString("metadata");
  private static final SerializedString F_SPEC = new SerializedString("spec");
  private static final SerializedString F_STATUS = new SerializedString("status");

  /**
   * The codec of the kind an implementation class belongs to; the generated classes extend the
   * kind's class.
   */
  private static final ClassValue<KindCodec<?, ?, ?, ?>> BY_CLASS =
      new ClassValue<>() {
        @Override
        protected KindCodec<?, ?, ?, ?> computeValue(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            KindCodec<?, ?, ?, ?> codec = KindCodecs.BY_KIND_CLASS.get(c);
            if (codec != null) {
              return codec;
            }
          }
          return null;
        }
      };

  private final Class<T> type;
  private final String kind;
  private final SerializedString kindValue;
  private final Supplier<B> builder;
  private final Function<T, S> spec;
  private final BiConsumer<B, S> setSpec;
  private final JsonSerializer<S> specWriter;
  private final JsonDeserializer<S> specReader;
  private final SpecInto<B> specInto;
  private final Function<T, Optional<U>> status;
  private final BiConsumer<B, U> setStatus;
  private final JsonSerializer<U> statusWriter;
  private final JsonDeserializer<U> statusReader;
  private final Reader reader = new Reader(this);

  /**
   * The attribute of a read that wants speed over error detail: metadata and spec are read straight
   * into the kind's nested builders, so a spec that fails to build is reported by the kind, without
   * the spec's path, and a document without a string {@code apiVersion} and {@code kind} fails. Set
   * by the fast path, which never reports errors itself (the located tree path reads again and
   * does).
   */
  public static final Object FAST = new Object();

  /** Reads a spec into the kind's nested spec builder. */
  @FunctionalInterface
  interface SpecInto<B> {
    void read(JsonParser p, DeserializationContext ctxt, B builder) throws IOException;
  }

  KindCodec(
      Class<T> type,
      Supplier<B> builder,
      Function<T, S> spec,
      BiConsumer<B, S> setSpec,
      JsonSerializer<S> specWriter,
      JsonDeserializer<S> specReader,
      SpecInto<B> specInto,
      Function<T, Optional<U>> status,
      BiConsumer<B, U> setStatus,
      JsonSerializer<U> statusWriter,
      JsonDeserializer<U> statusReader) {
    this.type = type;
    this.kind = GatewayApiKind.of(type).orElseThrow().kind();
    this.kindValue = new SerializedString(kind);
    this.builder = builder;
    this.spec = spec;
    this.setSpec = setSpec;
    this.specWriter = specWriter;
    this.specReader = specReader;
    this.specInto = specInto;
    this.status = status;
    this.setStatus = setStatus;
    this.statusWriter = statusWriter;
    this.statusReader = statusReader;
  }

  /** The codec of {@code type} (a kind's class or its implementation). */
  @SuppressWarnings("unchecked")
  static <T extends GatewayApiObject> KindCodec<T, ?, ?, ?> of(Class<T> type) {
    KindCodec<?, ?, ?, ?> codec = BY_CLASS.get(type);
    if (codec == null) {
      throw new IllegalArgumentException("not a Gateway API kind: " + type.getName());
    }
    return (KindCodec<T, ?, ?, ?>) codec;
  }

  void write(T v, JsonGenerator g, SerializerProvider p) throws IOException {
    g.writeStartObject();
    g.writeFieldName(F_API_VERSION);
    g.writeString(v.apiVersion());
    g.writeFieldName(F_KIND);
    g.writeString(kindValue);
    g.writeFieldName(F_METADATA);
    ObjectMetaCodec.WRITER.serialize(v.metadata(), g, p);
    g.writeFieldName(F_SPEC);
    specWriter.serialize(spec.apply(v), g, p);
    if (status != null) {
      Optional<U> s = status.apply(v);
      if (s.isPresent()) {
        g.writeFieldName(F_STATUS);
        statusWriter.serialize(s.get(), g, p);
      }
    }
    Codecs.writeUnknown(v.unknownFields(), g, p);
    g.writeEndObject();
  }

  T read(JsonParser p, DeserializationContext ctxt) throws IOException {
    Codecs.expectObject(p, ctxt);
    B b = builder.get();
    boolean fast = ctxt.getAttribute(FAST) != null;
    String field = null;
    long seen = 0;
    java.util.Set<String> unknown = null;
    try {
      for (field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
        JsonToken token = p.nextToken();
        switch (field) {
          case "apiVersion":
            seen = Codecs.once(seen, 0x1L, p);
            if (fast && token != JsonToken.VALUE_STRING) {
              throw notPlain(p);
            }
            if (token != JsonToken.VALUE_NULL) {
              b.apiVersion(Codecs.string(p, ctxt));
            }
            break;
          case "kind":
            seen = Codecs.once(seen, 0x2L, p);
            if (fast && token != JsonToken.VALUE_STRING) {
              throw notPlain(p);
            }
            if (token != JsonToken.VALUE_NULL) {
              String k = Codecs.string(p, ctxt);
              if (!kind.equals(k)) {
                throw new IllegalArgumentException("kind must be " + kind + ": " + k);
              }
            }
            break;
          case "metadata":
            seen = Codecs.once(seen, 0x4L, p);
            if (token != JsonToken.VALUE_NULL) {
              if (fast) {
                ObjectMetaCodec.READER.readInto(p, ctxt, b.metadataBuilder());
              } else {
                b.metadata(Codecs.object(p, ctxt, ObjectMetaCodec.READER));
              }
            }
            break;
          case "spec":
            seen = Codecs.once(seen, 0x8L, p);
            if (token != JsonToken.VALUE_NULL) {
              if (fast) {
                specInto.read(p, ctxt, b);
              } else {
                setSpec.accept(b, Codecs.object(p, ctxt, specReader));
              }
            }
            break;
          case "status":
            if (statusReader != null) {
              seen = Codecs.once(seen, 0x10L, p);
              if (token != JsonToken.VALUE_NULL) {
                setStatus.accept(b, Codecs.object(p, ctxt, statusReader));
              }
              break;
            }
          // no status in this kind: kept like any other unknown field
          default:
            unknown = Codecs.unknownName(unknown, field, p);
            b.putUnknownField(
                field, token == JsonToken.VALUE_NULL ? null : Codecs.unknown(p, ctxt));
        }
      }
      if (fast && (seen & 0x3L) != 0x3L) {
        throw notPlain(p);
      }
    } catch (Exception e) {
      throw Codecs.wrap(e, type, field, p);
    }
    try {
      return type.cast(b.build());
    } catch (RuntimeException e) {
      throw Codecs.invalid(e, type, p, ctxt);
    }
  }

  /**
   * The fast path gives up on a document without a string {@code apiVersion} and {@code kind}; the
   * located tree path words the problem.
   */
  private static JsonMappingException notPlain(JsonParser p) {
    return JsonMappingException.from(p, "apiVersion and kind must be strings");
  }

  /** Writes every kind (through {@link ModelCodec}). */
  static final Writer WRITER = new Writer();

  /** Reads the kind it is specialized for (through {@link ModelCodec}). */
  static final Reader READER = new Reader();

  /** The serializer of every kind. */
  static final class Writer extends JsonSerializer<GatewayApiObject> {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void serialize(GatewayApiObject v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      ((KindCodec) of(v.getClass())).write(v, g, p);
    }

    @Override
    public Class<GatewayApiObject> handledType() {
      return GatewayApiObject.class;
    }
  }

  /**
   * The deserializer of every kind: Jackson asks it (through {@link ModelCodec}) for a reader of
   * the target kind ({@link #createContextual}), which it answers with that kind's reader.
   */
  static final class Reader extends JsonDeserializer<GatewayApiObject>
      implements ContextualDeserializer {
    private final KindCodec<?, ?, ?, ?> codec;

    /** The unspecialized reader; it specializes itself per target kind. */
    Reader() {
      this(null);
    }

    private Reader(KindCodec<?, ?, ?, ?> codec) {
      this.codec = codec;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      KindCodec<?, ?, ?, ?> target =
          ctxt.getContextualType() == null
              ? null
              : BY_CLASS.get(ctxt.getContextualType().getRawClass());
      return target == null ? this : target.reader;
    }

    @Override
    public GatewayApiObject deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      if (codec == null) {
        throw JsonMappingException.from(p, "no Gateway API kind to read as");
      }
      return codec.read(p, ctxt);
    }

    @Override
    public Class<?> handledType() {
      return codec == null ? GatewayApiObject.class : codec.type;
    }
  }
}
