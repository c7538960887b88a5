package dev.gatewaysdk.model.generator;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Emits the model's value types (Immutables abstract classes) from {@link ValueTypes}: the
 * accessors with Javadoc from the schema {@code description}s, the unknown-field carrier {@code
 * unknownFields()}, {@code builder()} and {@code newBuilder()}.
 *
 * <p>Every type is emitted whole ({@code X}, with its annotations and nested {@code Builder}). What
 * people write (static factories, {@code @Value.Check}s, builder shortcuts) is in the type's
 * hand-written {@link Companion} {@code XShortcuts}, which {@code X} extends. A route kind's spec
 * also implements {@code CommonRouteSpec} and its builder gets {@code rule(Consumer)}. Types no CRD
 * describes (Kubernetes metadata) stay hand-written.
 */
final class ValueTypeGenerator {
  private static final String PACKAGE = ModelGenerator.MODEL_PACKAGE;
  private static final ClassName VALUE = ClassName.get("org.immutables.value", "Value");
  private static final ClassName JSON_SERIALIZE =
      ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonSerialize");
  private static final ClassName JSON_DESERIALIZE =
      ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
  private static final ClassName JSON_POJO_BUILDER =
      ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonPOJOBuilder");
  private static final ClassName JSON_INCLUDE =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");
  private static final ClassName JSON_AUTO_DETECT =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonAutoDetect");
  private static final ClassName JSON_ANY_GETTER =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonAnyGetter");
  private static final ClassName JSON_PROPERTY =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  private static final ClassName MODEL_CODEC =
      ClassName.get(ModelGenerator.INTERNAL_PACKAGE, "ModelCodec");
  private static final ClassName ALLOW_NULLS =
      ClassName.get(ModelGenerator.INTERNAL_PACKAGE, "AllowNulls");
  private static final ClassName COMMON_ROUTE_SPEC = ClassName.get(PACKAGE, "CommonRouteSpec");
  private static final ClassName JSON_NODE =
      ClassName.get("com.fasterxml.jackson.databind", "JsonNode");

  /** Javadoc lines longer than this are wrapped (the generated files are not formatted). */
  private static final int WIDTH = 92;

  private final ValueTypes valueTypes;
  private final Map<String, Set<String>> enumValues;
  private final Path modelSources;

  ValueTypeGenerator(
      ValueTypes valueTypes, Map<String, Set<String>> enumValues, Path modelSources) {
    this.valueTypes = valueTypes;
    this.enumValues = enumValues;
    this.modelSources = modelSources;
  }

  List<JavaFile> emit() {
    List<JavaFile> out = new ArrayList<>();
    for (ValueTypes.ValueType type : valueTypes.all()) {
      if (type.paths().isEmpty()) {
        continue; // Kubernetes metadata: hand-written
      }
      out.add(whole(type));
    }
    return out;
  }

  private JavaFile whole(ValueTypes.ValueType type) {
    ClassName self = ClassName.get(PACKAGE, type.name());
    ClassName builder = self.nestedClass("Builder");
    Optional<Companion> companion = Companion.of(modelSources, self);
    TypeSpec.Builder spec =
        TypeSpec.classBuilder(self)
            .addJavadoc("$L", Javadoc.wrap(Javadoc.fromDescription(type.description()), WIDTH))
            .addJavadoc(
                "\n<p>Schema: {@code $L}.\n\n"
                    + "<p>Immutable and thread-safe. Fields unknown to this SDK are kept in {@link\n"
                    + "#unknownFields()}.\n",
                type.paths().iterator().next());
    companion.ifPresent(c -> c.attachTo(spec));
    spec.addAnnotation(ModelGenerator.generated())
        .addAnnotation(VALUE.nestedClass("Immutable"))
        .addAnnotation(annotation(JSON_SERIALIZE, "using", "$T.Writer.class", MODEL_CODEC))
        .addAnnotation(annotation(JSON_DESERIALIZE, "using", "$T.Reader.class", MODEL_CODEC))
        .addAnnotation(annotation(JSON_INCLUDE, "value", "$T.Include.NON_ABSENT", JSON_INCLUDE))
        .addAnnotation(ModelGenerator.noDetectedGetters())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addSuperinterface(ClassName.get(PACKAGE, "With" + type.name()))
        .addMethod(MethodSpec.constructorBuilder().build());
    Optional<ClassName> rule = routeSpecRule(type);
    if (rule.isPresent()) {
      spec.addSuperinterface(COMMON_ROUTE_SPEC);
    }
    members(spec, type, builder);
    unionFactories(spec, type, self, companion);
    TypeSpec.Builder builderType =
        TypeSpec.classBuilder(builder)
            .addJavadoc("Builds {@link $T} instances; not thread-safe.\n", self)
            .addAnnotation(
                AnnotationSpec.builder(JSON_POJO_BUILDER).addMember("withPrefix", "$S", "").build())
            .addAnnotation(
                AnnotationSpec.builder(JSON_AUTO_DETECT)
                    .addMember("setterVisibility", "$T.Visibility.NONE", JSON_AUTO_DETECT)
                    .build())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(ClassName.get(PACKAGE, "Immutable" + type.name()).nestedClass("Builder"))
            .addMethod(MethodSpec.constructorBuilder().build());
    rule.ifPresent(r -> routeSpecBuilder(builderType, builder, r));
    companion.ifPresent(c -> c.attachToBuilder(builderType, self));
    spec.addType(builderType.build());
    return ModelGenerator.file(PACKAGE, spec.build());
  }

  /**
   * The factories of a union ({@code HTTPRouteFilter}): a type whose {@code type} field is an open
   * enum and whose other fields are named after its values gets, per such field, {@code static X
   * urlRewrite(HTTPURLRewriteFilter urlRewrite)} setting both. A factory of the same name in the
   * companion wins (it may validate).
   */
  private void unionFactories(
      TypeSpec.Builder spec,
      ValueTypes.ValueType type,
      ClassName self,
      Optional<Companion> companion) {
    Optional<ValueTypes.Field> discriminator =
        type.fields().stream()
            .filter(f -> f.accessor().equals("type") && enumValues.containsKey(f.javaType()))
            .findFirst();
    if (discriminator.isEmpty()) {
      return;
    }
    ClassName enumType = ClassName.get(PACKAGE, discriminator.get().javaType());
    for (String value : enumValues.get(discriminator.get().javaType())) {
      for (ValueTypes.Field f : type.fields()) {
        String javaType = f.javaType();
        if (!f.json().equalsIgnoreCase(value)
            || !javaType.startsWith("Optional<")
            || companion.map(c -> c.declaresFactory(self, f.accessor())).orElse(false)) {
          continue;
        }
        spec.addMethod(
            MethodSpec.methodBuilder(f.accessor())
                .addJavadoc("A {@code $L} of type {@code $L}.\n", type.name(), value)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(typeName(javaType.substring(9, javaType.length() - 1)), f.accessor())
                .returns(self)
                .addStatement(
                    "return builder().type($T.$L).$L($L).build()",
                    enumType,
                    Javadoc.constantName(value),
                    f.accessor(),
                    f.accessor())
                .build());
      }
    }
  }

  /**
   * The rule type of a route kind's spec (a type at {@code <Kind>.spec} with {@code parentRefs} and
   * {@code rules}), which then implements {@code CommonRouteSpec}.
   */
  private static Optional<ClassName> routeSpecRule(ValueTypes.ValueType type) {
    if (type.paths().stream().noneMatch(p -> p.endsWith(".spec"))
        || type.fields().stream().noneMatch(f -> f.accessor().equals("parentRefs"))) {
      return Optional.empty();
    }
    return type.fields().stream()
        .filter(f -> f.accessor().equals("rules") && f.javaType().startsWith("List<"))
        .map(f -> ClassName.get(PACKAGE, f.javaType().substring(5, f.javaType().length() - 1)))
        .findFirst();
  }

  /** A route spec's builder: {@code CommonRouteSpec.Builder} and {@code rule(Consumer)}. */
  private static void routeSpecBuilder(TypeSpec.Builder builder, ClassName self, ClassName rule) {
    ClassName ruleBuilder = rule.nestedClass("Builder");
    builder
        .addSuperinterface(
            ParameterizedTypeName.get(COMMON_ROUTE_SPEC.nestedClass("Builder"), self))
        .addMethod(
            MethodSpec.methodBuilder("rule")
                .addJavadoc("Adds a rule configured by {@code rule}.\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(
                    ParameterizedTypeName.get(ClassName.get(Consumer.class), ruleBuilder), "rule")
                .returns(self)
                .addStatement("$T b = $T.builder()", ruleBuilder, rule)
                .addStatement("rule.accept(b)")
                .addStatement("return addRule(b.build())")
                .build());
  }

  /** The accessors, {@code unknownFields()}, {@code builder()} and {@code newBuilder()}. */
  private void members(TypeSpec.Builder spec, ValueTypes.ValueType type, ClassName builder) {
    for (ValueTypes.Field f : type.fields()) {
      MethodSpec.Builder accessor =
          MethodSpec.methodBuilder(f.accessor())
              .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .returns(typeName(f.javaType()));
      String doc = Javadoc.fromDescription(f.description());
      accessor.addJavadoc(
          "$L", doc.isEmpty() ? "The {@code " + f.json() + "} field.\n" : Javadoc.wrap(doc, WIDTH));
      if (!f.accessor().equals(f.json())) {
        accessor.addAnnotation(
            AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", f.json()).build());
      }
      if (f.omitEmpty() || f.javaType().startsWith("Map<")) {
        accessor.addAnnotation(
            annotation(JSON_INCLUDE, "value", "$T.Include.NON_EMPTY", JSON_INCLUDE));
      }
      spec.addMethod(accessor.build());
    }
    spec.addMethod(
        MethodSpec.methodBuilder("unknownFields")
            .addJavadoc(
                "Fields this SDK does not model, kept so that writing the object back loses nothing.\n")
            .addAnnotation(ALLOW_NULLS)
            .addAnnotation(JSON_ANY_GETTER)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(
                ParameterizedTypeName.get(
                    ClassName.get(Map.class), ClassName.get(String.class), TypeName.OBJECT))
            .build());
    spec.addMethod(
        MethodSpec.methodBuilder("builder")
            .addJavadoc("A new, empty builder.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder)
            .addStatement("return new $T()", builder)
            .build());
    MethodSpec.Builder newBuilder =
        MethodSpec.methodBuilder("newBuilder")
            .addJavadoc("A builder initialized with this object's values.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder);
    if (type.fields().stream().anyMatch(f -> f.accessor().equals("from"))) {
      // a field named "from" hides Immutables' from(instance): copy field by field
      StringBuilder copy = new StringBuilder("return builder()");
      for (ValueTypes.Field f : type.fields()) {
        copy.append(".").append(f.accessor()).append("(").append(f.accessor()).append("())");
      }
      newBuilder.addStatement(copy.append(".unknownFields(unknownFields())").toString());
    } else {
      newBuilder.addStatement("return builder().from(this)");
    }
    spec.addMethod(newBuilder.build());
  }

  /** {@code @type(member = format)}. */
  private static AnnotationSpec annotation(
      ClassName type, String member, String format, Object... args) {
    return AnnotationSpec.builder(type).addMember(member, format, args).build();
  }

  /** {@code Optional<String>} as a JavaPoet type. */
  static TypeName typeName(String javaType) {
    int lt = javaType.indexOf('<');
    if (lt < 0) {
      return switch (javaType) {
        case "int" -> TypeName.INT;
        case "long" -> TypeName.LONG;
        case "boolean" -> TypeName.BOOLEAN;
        case "String" -> ClassName.get(String.class);
        case "Integer" -> ClassName.get(Integer.class);
        case "Long" -> ClassName.get(Long.class);
        case "Boolean" -> ClassName.get(Boolean.class);
        case "JsonNode" -> JSON_NODE;
        default -> ClassName.get(PACKAGE, javaType);
      };
    }
    String raw = javaType.substring(0, lt);
    String args = javaType.substring(lt + 1, javaType.length() - 1);
    ClassName rawType =
        switch (raw) {
          case "Optional" -> ClassName.get(Optional.class);
          case "List" -> ClassName.get(List.class);
          case "Map" -> ClassName.get(Map.class);
          default -> throw new IllegalStateException("no Java type for " + javaType);
        };
    List<TypeName> typeArgs = new ArrayList<>();
    for (String a : args.split(",")) {
      typeArgs.add(typeName(a.trim()));
    }
    return ParameterizedTypeName.get(rawType, typeArgs.toArray(new TypeName[0]));
  }
}
