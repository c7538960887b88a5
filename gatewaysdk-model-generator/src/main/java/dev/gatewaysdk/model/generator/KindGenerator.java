package dev.gatewaysdk.model.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.WildcardTypeName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits the classes of the top-level kinds ({@code HTTPRoute}, {@code Gateway}, ...; the {@code
 * [kinds]} of {@code type-names.txt}) and the table of their codecs ({@code internal.KindCodecs}).
 *
 * <p>A kind class is mechanical: {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}
 * (the type of the {@code [codecs]} root {@code <Kind>.spec}), {@code status} when the CRD has a
 * status subresource (the type of the root {@code <Kind>.status}) and the unknown fields; the class
 * Javadoc is the CRD's top-level description. A kind whose spec has {@code parentRefs} is a route.
 * What people write, the builder's kind-specific shortcuts, lives in the hand-written {@link
 * Companion} {@code <Kind>Shortcuts} (the kind extends it, its builder implements its {@code
 * Builder}); the usage example of its Javadoc ({@code <pre>{@code ...}</pre>}) is copied into the
 * kind's Javadoc.
 */
final class KindGenerator {
  private static final String MODEL = ModelGenerator.MODEL_PACKAGE;
  private static final String INTERNAL = ModelGenerator.INTERNAL_PACKAGE;
  private static final String JACKSON_ANNOTATION = "com.fasterxml.jackson.annotation";
  private static final String JACKSON_DATABIND = "com.fasterxml.jackson.databind.annotation";
  private static final ClassName JSON_PROPERTY = ClassName.get(JACKSON_ANNOTATION, "JsonProperty");
  private static final ClassName JSON_AUTO_DETECT =
      ClassName.get(JACKSON_ANNOTATION, "JsonAutoDetect");
  private static final ClassName VALUE = ClassName.get("org.immutables.value", "Value");
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);
  private static final ClassName OBJECT_META = ClassName.get(MODEL, "ObjectMeta");
  private static final ClassName CHECKS = ClassName.get(MODEL, "Checks");
  private static final ClassName API_KIND = ClassName.get(MODEL, "GatewayApiKind");

  /** One kind as the generator sees it. */
  private record Kind(
      String name,
      ClassName type,
      ClassName spec,
      Optional<ClassName> status,
      boolean route,
      boolean namespaced,
      String description,
      List<MethodSpec> specShortcuts,
      Optional<Companion> companion) {}

  private final List<Kind> kinds = new ArrayList<>();

  KindGenerator(Inputs inputs, Crds latest, ValueTypes valueTypes, Path modelSources) {
    Map<String, String> roots = new java.util.HashMap<>();
    for (Inputs.CodecRoot root : inputs.codecRoots) {
      if (root.path() != null) {
        roots.put(root.path(), root.typeName());
      }
    }
    for (Inputs.Kind k : inputs.kinds) {
      String name = k.typeName();
      JsonNode crd =
          latest
              .definition(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "type-names.txt: kind " + name + " has no CRD in " + latest));
      JsonNode version = defaultVersion(crd);
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      String spec = roots.get(name + ".spec");
      if (spec == null) {
        throw new IllegalStateException("type-names.txt: [codecs] has no root " + name + ".spec");
      }
      Optional<ClassName> status = Optional.empty();
      if (version.path("subresources").has("status")) {
        String s = roots.get(name + ".status");
        if (s == null) {
          throw new IllegalStateException(
              "type-names.txt: [codecs] has no root " + name + ".status (the CRD has a status)");
        }
        status = Optional.of(ClassName.get(MODEL, s));
      }
      kinds.add(
          new Kind(
              name,
              ClassName.get(MODEL, name),
              ClassName.get(MODEL, spec),
              status,
              schema.path("properties").path("spec").path("properties").has("parentRefs"),
              "Namespaced".equals(crd.path("spec").path("scope").asText()),
              schema.path("description").asText(),
              specShortcuts(k, valueTypes.get(spec), ClassName.get(MODEL, name, "Builder")),
              Companion.of(modelSources, ClassName.get(MODEL, name))));
    }
  }

  /**
   * The builder methods that repeat spec builder methods ({@code [kinds]} line of {@code
   * type-names.txt}): {@code addListener} gives {@code listener(Listener)} and, for a value type,
   * {@code listener(Consumer<Listener.Builder>)}; {@code gatewayClassName} gives {@code
   * gatewayClassName(String)}. Each edits the spec set so far ({@code specBuilder()}).
   */
  private static List<MethodSpec> specShortcuts(
      Inputs.Kind kind, ValueTypes.ValueType spec, ClassName builder) {
    List<MethodSpec> out = new ArrayList<>();
    for (String method : kind.specShortcuts()) {
      boolean add = method.startsWith("add");
      String name = add ? Character.toLowerCase(method.charAt(3)) + method.substring(4) : method;
      ValueTypes.Field field =
          spec.fields().stream()
              .filter(f -> add ? f.accessor().startsWith(name) : f.accessor().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "type-names.txt: kind "
                              + kind.typeName()
                              + ": "
                              + spec.name()
                              + " has no field for "
                              + method));
      String javaType = field.javaType();
      int lt = javaType.indexOf('<');
      TypeName param =
          ValueTypeGenerator.typeName(
              lt < 0 ? javaType : javaType.substring(lt + 1, javaType.length() - 1));
      out.add(
          MethodSpec.methodBuilder(name)
              .addJavadoc(
                  add
                      ? "Adds {@code "
                          + name
                          + "} to the spec's {@code $L} (the spec set so far).\n"
                      : "Sets the spec's {@code $L} (the spec set so far).\n",
                  field.accessor())
              .addModifiers(Modifier.PUBLIC)
              .addParameter(param, name)
              .returns(builder)
              .addStatement("specBuilder().$L($L)", method, name)
              .addStatement("return this")
              .build());
      if (add && param instanceof ClassName value && value.packageName().equals(MODEL)) {
        ClassName valueBuilder = value.nestedClass("Builder");
        out.add(
            MethodSpec.methodBuilder(name)
                .addJavadoc("Adds a {@code $L} configured by {@code edit} (see above).\n", name)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(
                    ParameterizedTypeName.get(
                        ClassName.get(java.util.function.Consumer.class), valueBuilder),
                    "edit")
                .returns(builder)
                .addStatement("$T b = $T.builder()", valueBuilder, value)
                .addStatement("edit.accept(b)")
                .addStatement("specBuilder().$L(b.build())", method)
                .addStatement("return this")
                .build());
      }
    }
    return out;
  }

  /** The kind classes and the codec table. */
  List<JavaFile> emit() {
    List<JavaFile> files = new ArrayList<>();
    for (Kind kind : kinds) {
      files.add(kindClass(kind));
    }
    files.add(codecTable());
    return files;
  }

  /** The version new objects are written in ({@code v1}), else the storage version. */
  private static JsonNode defaultVersion(JsonNode crd) {
    JsonNode storage = null;
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (KindRegistry.DEFAULT_VERSION.equals(v.path("name").asText())) {
        return v;
      }
      if (v.path("storage").asBoolean()) {
        storage = v;
      }
    }
    if (storage == null) {
      throw new IllegalStateException(
          "the CRD of " + crd.path("metadata").path("name") + " has no storage version");
    }
    return storage;
  }

  private JavaFile kindClass(Kind k) {
    ClassName self = k.type();
    ClassName builder = self.nestedClass("Builder");
    ClassName immutableBuilder = ClassName.get(MODEL, "Immutable" + k.name(), "Builder");
    boolean hasStatus = k.status().isPresent();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc("$L", Javadoc.fromDescription(k.description()))
            .addJavadoc(
                "\n<p>Immutable and thread-safe. The object keeps the API version it was read with ({@link\n"
                    + "#apiVersion()}, default {@value #DEFAULT_API_VERSION}); {@link #withApiVersion(String)}\n"
                    + "re-targets it. Fields unknown to this SDK are kept in {@link #unknownFields()} and written back\n"
                    + "unchanged.\n");
    k.companion().ifPresent(c -> c.attachTo(type));
    List<String> order = new ArrayList<>(List.of("apiVersion", "kind", "metadata", "spec"));
    if (hasStatus) {
      order.add("status");
    }
    CodeBlock.Builder orderValue = CodeBlock.builder().add("{");
    for (int i = 0; i < order.size(); i++) {
      orderValue.add(i == 0 ? "$S" : ", $S", order.get(i));
    }
    orderValue.add("}");
    ClassName modelCodec = ClassName.get(INTERNAL, "ModelCodec");
    type.addAnnotation(ModelGenerator.generated())
        .addAnnotation(VALUE.nestedClass("Immutable"))
        .addAnnotation(ClassName.get(MODEL, "GatewayApiKindStyle"))
        .addAnnotation(
            AnnotationSpec.builder(ClassName.get(JACKSON_DATABIND, "JsonSerialize"))
                .addMember("using", "$T.class", modelCodec.nestedClass("Writer"))
                .build())
        .addAnnotation(
            AnnotationSpec.builder(ClassName.get(JACKSON_DATABIND, "JsonDeserialize"))
                .addMember("using", "$T.class", modelCodec.nestedClass("Reader"))
                .build())
        .addAnnotation(
            AnnotationSpec.builder(ClassName.get(JACKSON_ANNOTATION, "JsonPropertyOrder"))
                .addMember("value", orderValue.build())
                .build())
        .addAnnotation(
            AnnotationSpec.builder(ClassName.get(JACKSON_ANNOTATION, "JsonInclude"))
                .addMember(
                    "value",
                    "$T.Include.NON_ABSENT",
                    ClassName.get(JACKSON_ANNOTATION, "JsonInclude"))
                .build())
        .addAnnotation(ModelGenerator.noDetectedGetters())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addSuperinterface(ClassName.get(MODEL, k.route() ? "Route" : "GatewayApiObject"));
    type.addField(
        FieldSpec.builder(String.class, "KIND", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The kind as written in manifests: {@value}.\n")
            .initializer("$S", k.name())
            .build());
    type.addField(
        FieldSpec.builder(
                String.class,
                "DEFAULT_API_VERSION",
                Modifier.PUBLIC,
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The API version of new objects: {@value}.\n")
            .initializer("$T.GROUP + $S + $T.DEFAULT_VERSION", API_KIND, "/", API_KIND)
            .build());
    type.addMethod(MethodSpec.constructorBuilder().build());
    type.addMethod(
        MethodSpec.methodBuilder("apiVersion")
            .addAnnotation(Override.class)
            .addAnnotation(VALUE.nestedClass("Default"))
            .addAnnotation(property("apiVersion"))
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return DEFAULT_API_VERSION")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("kind")
            .addAnnotation(Override.class)
            .addAnnotation(property("kind"))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .returns(String.class)
            .addStatement("return KIND")
            .build());
    type.addMethod(abstractMethod("metadata", OBJECT_META).addAnnotation(Override.class).build());
    MethodSpec.Builder spec = abstractMethod("spec", k.spec()).addJavadoc("The desired state.\n");
    if (k.route()) {
      spec.addAnnotation(Override.class);
    }
    type.addMethod(withProperty(spec, "spec").build());
    if (hasStatus) {
      MethodSpec.Builder status =
          abstractMethod("status", ParameterizedTypeName.get(OPTIONAL, k.status().get()))
              .addJavadoc("The observed state written by controllers, if any.\n");
      if (k.route()) {
        status.addAnnotation(Override.class);
      }
      type.addMethod(withProperty(status, "status").build());
    }
    type.addMethod(
        MethodSpec.methodBuilder("unknownFields")
            .addAnnotation(Override.class)
            .addAnnotation(ClassName.get(INTERNAL, "AllowNulls"))
            .addAnnotation(ClassName.get(JACKSON_ANNOTATION, "JsonAnyGetter"))
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(
                ParameterizedTypeName.get(
                    ClassName.get(Map.class),
                    ClassName.get(String.class),
                    ClassName.get(Object.class)))
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("withApiVersion")
            .addJavadoc(
                "A copy with API version {@code apiVersion}, such as {@code gateway.networking.k8s.io/v1beta1}.\n\n"
                    + "@throws IllegalArgumentException if {@code apiVersion} is not of the group {@value\n"
                    + "    GatewayApiKind#GROUP}\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addParameter(String.class, "apiVersion")
            .returns(self)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("withMetadata")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addParameter(OBJECT_META, "metadata")
            .returns(self)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("withSpec")
            .addJavadoc("A copy with {@code spec}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addParameter(k.spec(), "spec")
            .returns(self)
            .build());
    if (hasStatus) {
      ClassName status = k.status().get();
      MethodSpec.Builder withStatus =
          MethodSpec.methodBuilder("withStatus")
              .addJavadoc("A copy with {@code status}.\n")
              .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .addParameter(status, "status")
              .returns(self);
      if (k.route()) {
        withStatus.addAnnotation(Override.class);
      }
      type.addMethod(withStatus.build());
      type.addMethod(
          MethodSpec.methodBuilder("withStatus")
              .addModifiers(Modifier.ABSTRACT)
              .addParameter(
                  ParameterizedTypeName.get(OPTIONAL, WildcardTypeName.subtypeOf(status)), "status")
              .returns(self)
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("withoutStatus")
              .addJavadoc("A copy without status, as sent when creating or updating the spec.\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(self)
              .addStatement("return status().isPresent() ? withStatus($T.empty()) : this", OPTIONAL)
              .build());
    }
    type.addMethod(
        MethodSpec.methodBuilder("check")
            .addAnnotation(VALUE.nestedClass("Check"))
            .returns(void.class)
            .addStatement("$T.apiVersion(apiVersion())", CHECKS)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("builder")
            .addJavadoc("A new builder with API version {@value #DEFAULT_API_VERSION}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder)
            .addStatement("return new Builder()")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("newBuilder")
            .addJavadoc("A builder initialized with this object's values.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addStatement("return builder().from(this)")
            .build());
    type.addType(builderClass(k, builder, immutableBuilder));
    return ModelGenerator.file(MODEL, type.build());
  }

  private TypeSpec builderClass(Kind k, ClassName builder, ClassName immutableBuilder) {
    String shortcuts =
        k.route() ? "RouteBuilder" : k.namespaced() ? "NamespacedObjectBuilder" : "ObjectBuilder";
    TypeSpec.Builder type =
        TypeSpec.classBuilder(builder)
            .addJavadoc(
                "Builds {@link $L} objects; not thread-safe. Metadata shortcuts ({@link #name(String)},\n"
                    + "{@link #label(String, String)}, ...) edit the metadata set so far ({@link #metadataBuilder()}),\n"
                    + "and spec shortcuts edit the spec set so far ({@link #specBuilder()}). A spec's required fields\n"
                    + "are checked by {@link #build()}.\n",
                k.name())
            .addAnnotation(
                AnnotationSpec.builder(ClassName.get(JACKSON_DATABIND, "JsonPOJOBuilder"))
                    .addMember("withPrefix", "$S", "")
                    .build())
            .addAnnotation(
                AnnotationSpec.builder(JSON_AUTO_DETECT)
                    .addMember("setterVisibility", "$T.Visibility.NONE", JSON_AUTO_DETECT)
                    .build())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(immutableBuilder)
            .addSuperinterface(ParameterizedTypeName.get(ClassName.get(MODEL, shortcuts), builder));
    type.addMethods(k.specShortcuts());
    k.companion().ifPresent(c -> c.attachToBuilder(type, k.type()));
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addStatement("metadataBuilder()")
            .addStatement("specBuilder()")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("kind")
            .addAnnotation(property("kind"))
            .addModifiers(Modifier.PRIVATE)
            .addParameter(String.class, "kind")
            .returns(builder)
            .addStatement(
                "$T.check(KIND.equals(kind), $S + KIND + $S + kind)", CHECKS, "kind must be ", ": ")
            .addStatement("return this")
            .build());
    return type.build();
  }

  /**
   * {@code internal.KindCodecs}: the codec of each kind, binding its class, builder, spec and
   * status to their codecs (the reading and writing is {@code KindCodec}'s).
   */
  private JavaFile codecTable() {
    ClassName kindCodec = ClassName.get(INTERNAL, "KindCodec");
    TypeName table =
        ParameterizedTypeName.get(
            ClassName.get(Map.class),
            ParameterizedTypeName.get(
                ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)),
            ParameterizedTypeName.get(
                kindCodec,
                WildcardTypeName.subtypeOf(Object.class),
                WildcardTypeName.subtypeOf(Object.class),
                WildcardTypeName.subtypeOf(Object.class),
                WildcardTypeName.subtypeOf(Object.class)));
    CodeBlock.Builder init =
        CodeBlock.builder().add("$T.ofEntries(\n", Map.class).indent().indent();
    for (int i = 0; i < kinds.size(); i++) {
      Kind k = kinds.get(i);
      ClassName specCodec = ClassName.get(INTERNAL, k.spec().simpleName() + "Codec");
      init.add(
          "$T.entry($T.class, new $T<$T, $T, $T, $T>(\n",
          Map.class,
          k.type(),
          kindCodec,
          k.type(),
          k.type().nestedClass("Builder"),
          k.spec(),
          k.status().map(TypeName.class::cast).orElse(ClassName.get(Void.class)));
      init.indent().indent();
      init.add(
          "$T.class, $T::builder, $T::spec, $T.Builder::spec,\n",
          k.type(),
          k.type(),
          k.type(),
          k.type());
      init.add("$T.WRITER, $T.READER,\n", specCodec, specCodec);
      init.add("(p, c, b) -> $T.READER.readInto(p, c, b.specBuilder()),\n", specCodec);
      if (k.status().isPresent()) {
        ClassName statusCodec = ClassName.get(INTERNAL, k.status().get().simpleName() + "Codec");
        init.add(
            "$T::status, $T.Builder::status, $T.WRITER, $T.READER",
            k.type(),
            k.type(),
            statusCodec,
            statusCodec);
      } else {
        init.add("null, null, null, null");
      }
      init.unindent().unindent().add("))$L\n", i < kinds.size() - 1 ? "," : "");
    }
    init.unindent().unindent().add(")");
    TypeSpec type =
        TypeSpec.classBuilder("KindCodecs")
            .addJavadoc(
                "The codec of each top-level kind, generated from the kinds of {@code type-names.txt}: the kind's\n"
                    + "class, builder, spec and status bound to their codecs. How a kind is read and written is\n"
                    + "{@link KindCodec}'s.\n")
            .addAnnotation(ModelGenerator.generated())
            .addModifiers(Modifier.FINAL)
            .addField(
                FieldSpec.builder(table, "BY_KIND_CLASS", Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The codec of each kind's class.\n")
                    .initializer(init.build())
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .build();
    return ModelGenerator.file(INTERNAL, type);
  }

  private static AnnotationSpec property(String name) {
    return AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", name).build();
  }

  private static MethodSpec.Builder abstractMethod(String name, TypeName returns) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(returns);
    return name.equals("metadata") ? withProperty(m, name) : m;
  }

  private static MethodSpec.Builder withProperty(MethodSpec.Builder m, String name) {
    return m.addAnnotation(property(name));
  }
}
