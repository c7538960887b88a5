package dev.gatewaysdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.gatewaysdk.model.Manifests;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The alternative to the generated codecs that issue 17 asks to measure: Jackson databind binding
 * the model's Immutables types itself, through their builders ({@code @JsonDeserialize(builder =
 * ...)}, {@code @JsonPOJOBuilder(withPrefix = "")}) and the {@code @JsonProperty}/{@code
 * JsonAnyGetter} annotations Immutables puts on the implementations, optionally with {@link
 * BlackbirdModule} (lambda-based accessors instead of reflection).
 *
 * <p>The model's classes name the generated codecs ({@code @JsonSerialize(using = ...)},
 * {@code @JsonDeserialize(using = ...)}); this mapper's annotation introspector plays the role of
 * one mix-in per model class, without a class per type: for every model type it drops the codec,
 * names the type's {@code Builder} and ignores the builder overloads databind cannot choose between
 * (the nested-builder setters taking a {@code Consumer} or a builder, and an {@code Optional}
 * setter where a plain one is annotated too). {@link #check} holds its results equal to the codecs'
 * on the benchmark documents, so both do the same work.
 */
final class DatabindImmutables {
  private DatabindImmutables() {}

  /** Databind on the Immutables types, reflection-based accessors. */
  static ObjectMapper mapper() {
    return configure(new ObjectMapper());
  }

  /** As {@link #mapper()} with {@link BlackbirdModule}. */
  static ObjectMapper blackbirdMapper() {
    return configure(new ObjectMapper()).registerModule(new BlackbirdModule());
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new Jdk8Module())
        .setAnnotationIntrospector(new BuilderIntrospector())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Reads {@code json} with {@code mapper} and fails unless the value equals what {@code
   * Manifests.read} gives and writes back to the same JSON tree.
   */
  static <T> T check(ObjectMapper mapper, String json, Class<T> type) throws Exception {
    T ours = Manifests.read(json, type);
    T theirs = mapper.readValue(json, type);
    if (!ours.equals(theirs)) {
      throw new IllegalStateException(
          "databind read of " + type.getSimpleName() + " differs:\n" + ours + "\n" + theirs);
    }
    ObjectMapper plain = new ObjectMapper();
    if (!plain.readTree(mapper.writeValueAsString(theirs)).equals(plain.readTree(json))) {
      throw new IllegalStateException(
          "databind write of "
              + type.getSimpleName()
              + " differs:\n"
              + mapper.writeValueAsString(theirs));
    }
    return theirs;
  }

  private static boolean isModel(Class<?> c) {
    return c.getName().startsWith("dev.gatewaysdk.model.")
        && !c.getName().startsWith("dev.gatewaysdk.model.internal");
  }

  /** A model type's builder, or the generated builder it extends. */
  private static boolean isModelBuilder(Class<?> c) {
    return isModel(c) && c.getSimpleName().equals("Builder");
  }

  private static final class BuilderIntrospector extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public Object findSerializer(com.fasterxml.jackson.databind.introspect.Annotated a) {
      return a instanceof AnnotatedClass && isModel(a.getRawType())
          ? null
          : super.findSerializer(a);
    }

    @Override
    public Object findDeserializer(com.fasterxml.jackson.databind.introspect.Annotated a) {
      return a instanceof AnnotatedClass && isModel(a.getRawType())
          ? null
          : super.findDeserializer(a);
    }

    @Override
    public Class<?> findPOJOBuilder(AnnotatedClass ac) {
      Class<?> type = ac.getRawType();
      if (isModel(type) && !isModelBuilder(type)) {
        for (Class<?> nested : type.getDeclaredClasses()) {
          if (nested.getSimpleName().equals("Builder")) {
            return nested;
          }
        }
      }
      return super.findPOJOBuilder(ac);
    }

    @Override
    public JsonPOJOBuilder.Value findPOJOBuilderConfig(AnnotatedClass ac) {
      return isModelBuilder(ac.getRawType())
          ? new JsonPOJOBuilder.Value("build", "")
          : super.findPOJOBuilderConfig(ac);
    }

    @Override
    public boolean hasIgnoreMarker(AnnotatedMember m) {
      if (m instanceof AnnotatedMethod method
          && method.getParameterCount() == 1
          && isModelBuilder(m.getDeclaringClass())) {
        Class<?> param = method.getRawParameterType(0);
        if (Consumer.class.isAssignableFrom(param) || isModelBuilder(param)) {
          return true;
        }
        if (param == Optional.class && hasPlainOverload(method.getAnnotated())) {
          return true;
        }
      }
      return super.hasIgnoreMarker(m);
    }

    private static boolean hasPlainOverload(Method optional) {
      for (Method other : optional.getDeclaringClass().getDeclaredMethods()) {
        if (other.getName().equals(optional.getName())
            && other.getParameterCount() == 1
            && other.getParameterTypes()[0] != Optional.class
            && !Consumer.class.isAssignableFrom(other.getParameterTypes()[0])
            && other.isAnnotationPresent(JsonProperty.class)) {
          return true;
        }
      }
      return false;
    }
  }
}
