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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Generates the checked-in parts of {@code gatewaysdk-model} from the official CRDs of every
 * supported release and the hand-written {@code type-names.txt}: the release table ({@code
 * internal.ReleaseTable}), the kind registry ({@code GatewayApiKind}), the open enums, the value
 * types ({@link ValueTypeGenerator}) and their codecs ({@link CodecGenerator}). Every generated
 * class carries {@code @Generated("dev.gatewaysdk.model.generator.ModelGenerator")}; that marker is
 * how a regeneration finds (and deletes) generated files that are no longer generated.
 *
 * <p>Run: {@code ModelGenerator <model source root>} with the CRD source setting ({@code
 * GATEWAYSDK_CRDS}); see CONTRIBUTING.md.
 */
public final class ModelGenerator {
  static final String MODEL_PACKAGE = "dev.gatewaysdk.model";
  static final String INTERNAL_PACKAGE = MODEL_PACKAGE + ".internal";

  /** The text every generated file contains, and hand-written files never do. */
  static final String MARKER = "@Generated(\"" + ModelGenerator.class.getName() + "\")";

  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName LIST = ClassName.get(List.class);
  private static final String[] CHANNELS = {"experimental", "standard"};

  private final Inputs inputs;

  /**
   * The model's source root: where hand-written companions ({@code HTTPRouteRule.java}) and {@code
   * GatewayApiStyle} are.
   */
  private final Path modelSources;

  /** Releases with CRDs, newest first; per release, experimental before standard. */
  private final List<Crds> crdsNewestFirst;

  ModelGenerator(Inputs inputs, Path crdSource, Path modelSources) {
    this.inputs = inputs;
    this.modelSources = modelSources;
    List<Crds> crds = new ArrayList<>();
    for (int i = inputs.releases.size() - 1; i >= 0; i--) {
      Inputs.Release release = inputs.releases.get(i);
      if (release.fromCrds()) {
        for (String channel : CHANNELS) {
          crds.add(Crds.read(crdSource, release.name(), channel));
        }
      }
    }
    this.crdsNewestFirst = List.copyOf(crds);
  }

  /**
   * Writes every generated file under {@code sourceRoot} and deletes generated files no longer
   * generated.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ModelGenerator <gatewaysdk-model/src/main/java>");
    }
    Path crdSource =
        Crds.sourceDirectory()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "set "
                            + Crds.ENV
                            + " (or -D"
                            + Crds.PROPERTY
                            + ") to the CRD source directory"));
    Path root = Paths.get(args[0]);
    List<JavaFile> files = new ModelGenerator(Inputs.load(), crdSource, root).generate();
    Set<Path> written = new LinkedHashSet<>();
    for (JavaFile file : files) {
      written.add(write(file, root));
    }
    for (Path stale : generatedFiles(root)) {
      if (!written.contains(stale)) {
        Files.delete(stale);
      }
    }
  }

  /** Every generated file, in a stable order. */
  List<JavaFile> generate() {
    List<JavaFile> files = new ArrayList<>();
    files.add(releaseTable());
    files.add(KindRegistry.emit(inputs, crdsNewestFirst.get(0)));
    Map<String, Set<String>> enumValues = new LinkedHashMap<>();
    for (Inputs.OpenEnum e : inputs.openEnums) {
      files.add(openEnum(e, enumValues));
    }
    String latest = inputs.releases.get(inputs.releases.size() - 1).name();
    ValueTypes valueTypes =
        new ValueTypes(
            inputs, crdsNewestFirst.stream().filter(c -> c.release().equals(latest)).toList());
    files.addAll(new ValueTypeGenerator(valueTypes, enumValues, modelSources).emit());
    files.addAll(new CodecGenerator(inputs, valueTypes, modelSources).emit());
    files.addAll(
        new KindGenerator(inputs, crdsNewestFirst.get(0), valueTypes, modelSources).emit());
    return files;
  }

  /** Writes {@code file} below {@code root}; returns its path. */
  static Path write(JavaFile file, Path root) {
    Path path =
        root.resolve(file.packageName.replace('.', '/')).resolve(file.typeSpec.name + ".java");
    if (Files.isRegularFile(path) && !isGenerated(path)) {
      throw new IllegalStateException(
          path + " is written by hand; the generator does not overwrite it (see CONTRIBUTING.md)");
    }
    try {
      Files.createDirectories(path.getParent());
      // spotless:off (the file comment) to here: the formatter leaves the generated text alone
      Files.writeString(path, file.toString() + "// spotless:on\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    return path;
  }

  /** The files below {@code root} that carry the generator's marker. */
  static List<Path> generatedFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(ModelGenerator::isGenerated)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isGenerated(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).contains(MARKER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", ModelGenerator.class.getName())
        .build();
  }

  /**
   * {@code @JsonAutoDetect} detecting no getters: a model type's JSON is its codec's, not what
   * Jackson finds.
   */
  static AnnotationSpec noDetectedGetters() {
    ClassName autoDetect = ClassName.get("com.fasterxml.jackson.annotation", "JsonAutoDetect");
    return AnnotationSpec.builder(autoDetect)
        .addMember("getterVisibility", "$T.Visibility.NONE", autoDetect)
        .addMember("isGetterVisibility", "$T.Visibility.NONE", autoDetect)
        .build();
  }

  static JavaFile file(String packageName, TypeSpec type) {
    // spotless:off keeps the formatter away: the file is exactly what the generator writes
    // (ModelGeneratorTest)
    return JavaFile.builder(packageName, type)
        .addFileComment("spotless:off generated by gatewaysdk-model-generator")
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  // ----------------------------------------------------------------------------------------------
  // releases

  private JavaFile releaseTable() {
    List<String> rows = new ArrayList<>();
    for (Inputs.Release release : inputs.releases) {
      if (!release.fromCrds()) {
        for (String recorded : release.recordedRows()) {
          String[] f = recorded.split(" ");
          rows.add(row(f[0], f[1], f[2], f[3], List.of(f).subList(4, f.length)));
        }
        continue;
      }
      for (String channel : new String[] {"standard", "experimental"}) {
        Crds crds =
            crdsNewestFirst.stream()
                .filter(c -> c.release().equals(release.name()) && c.channel().equals(channel))
                .findFirst()
                .orElseThrow();
        for (JsonNode crd : crds.definitions()) {
          rows.add(servedRow(release.name(), channel, crd));
        }
      }
    }
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n", LIST).indent().indent();
    for (int i = 0; i < rows.size(); i++) {
      list.add("$S$L\n", rows.get(i), i < rows.size() - 1 ? "," : "");
    }
    list.unindent().unindent().add(")");
    String latest = inputs.releases.get(inputs.releases.size() - 1).name();
    Set<String> otherGroups = new LinkedHashSet<>();
    for (Crds crds : crdsNewestFirst) {
      for (JsonNode crd : crds.definitions()) {
        otherGroups.add(crd.path("spec").path("group").asText());
      }
    }
    otherGroups.remove(
        crdsNewestFirst
            .get(0)
            .definition(inputs.kinds.get(0).typeName())
            .orElseThrow()
            .path("spec")
            .path("group")
            .asText());
    if (otherGroups.size() != 1) {
      throw new IllegalStateException(
          "expected one experimental API group besides the kinds' group: " + otherGroups);
    }
    TypeSpec type =
        TypeSpec.classBuilder("ReleaseTable")
            .addJavadoc(
                "The Gateway API releases the model supports and the API versions each serves, generated from\n"
                    + "the official CRDs of every release and channel (and the rows recorded for releases whose CRDs the\n"
                    + "CRD source does not hold). Read through {@code ServedVersions} and {@code CrdSource}.\n")
            .addAnnotation(generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(
                FieldSpec.builder(
                        String.class, "LATEST", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The newest Gateway API release this SDK targets.\n")
                    .initializer("$S", latest)
                    .build())
            .addField(
                FieldSpec.builder(
                        String.class,
                        "EXPERIMENTAL_GROUP",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .addJavadoc(
                        "The API group of the experimental {@code X...} kinds (the CRDs' other group).\n")
                    .initializer("$S", otherGroups.iterator().next())
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(LIST, ClassName.get(String.class)),
                        "SERVED_VERSIONS",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .addJavadoc(
                        "One row per release, channel and kind, oldest release first:\n"
                            + "{@code <release> <channel> <group> <kind> <version>...}, where {@code *} marks the storage version\n"
                            + "and {@code !} a deprecated one; versions a CRD does not serve are left out.\n")
                    .initializer(list.build())
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .build();
    return file(INTERNAL_PACKAGE, type);
  }

  private static String servedRow(String release, String channel, JsonNode crd) {
    JsonNode spec = crd.path("spec");
    List<String> versions = new ArrayList<>();
    for (JsonNode v : spec.path("versions")) {
      if (v.path("served").asBoolean()) {
        versions.add(
            v.path("name").asText()
                + (v.path("storage").asBoolean() ? "*" : "")
                + (v.path("deprecated").asBoolean() ? "!" : ""));
      }
    }
    return row(
        release,
        channel,
        spec.path("group").asText(),
        spec.path("names").path("kind").asText(),
        versions);
  }

  private static String row(
      String release, String channel, String group, String kind, List<String> versions) {
    return String.format(
        "%s %-12s %-27s %-21s %s", release, channel, group, kind, String.join(" ", versions));
  }

  // --------------------------------------------------------------------------------------------
  // open enums

  /** The class of open enum {@code spec}; puts its values into {@code enumValues}. */
  private JavaFile openEnum(Inputs.OpenEnum spec, Map<String, Set<String>> enumValues) {
    Set<String> values = new LinkedHashSet<>(spec.extraValues());
    enumValues.put(spec.typeName(), values);
    String description = null;
    String describedBy = null;
    boolean found = false;
    for (String path : spec.paths()) {
      String kind = path.substring(0, path.indexOf('.'));
      String property = path.substring(path.indexOf('.') + 1);
      for (Crds crds : crdsNewestFirst) {
        for (JsonNode schema : crds.schemasAt(kind, property)) {
          found = true;
          schema.path("enum").forEach(v -> values.add(v.asText()));
          if (description == null && schema.hasNonNull("description")) {
            description = schema.get("description").asText();
            describedBy = path;
          }
        }
      }
    }
    if (!found) {
      throw new IllegalStateException(
          "type-names.txt: none of the paths of "
              + spec.typeName()
              + " "
              + spec.paths()
              + " is in a CRD of a supported release");
    }
    if (values.isEmpty()) {
      throw new IllegalStateException(
          spec.typeName() + ": no schema enumerates values; list them in type-names.txt");
    }
    ClassName self = ClassName.get(MODEL_PACKAGE, spec.typeName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc("$L", Javadoc.fromDescription(description))
            .addJavadoc("\n<p>Schema: {@code $L}.\n", describedBy)
            .addJavadoc(
                "\n<p>An open set of string values: the constants are the values this SDK knows, and\n"
                    + "{@link #of(String)} accepts and keeps any other value (newer Gateway API versions and\n"
                    + "implementations add values). Equality is by value. Immutable and thread-safe.\n")
            .addAnnotation(generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    List<String> constants = new ArrayList<>();
    for (String value : values) {
      String name = Javadoc.constantName(value);
      constants.add(name);
      type.addField(
          FieldSpec.builder(self, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("{@code $L}.\n", value)
              .initializer("new $T($S)", self, value)
              .build());
    }
    TypeName listOfSelf = ParameterizedTypeName.get(LIST, self);
    type.addField(
        FieldSpec.builder(listOfSelf, "KNOWN", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", LIST, String.join(", ", constants))
            .build());
    type.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(String.class, "value")
            .addStatement("this.value = value")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("of")
            .addJavadoc(
                "The value {@code value}: a constant when known, otherwise a new instance that keeps it.\n\n"
                    + "@throws NullPointerException if {@code value} is null\n")
            .addAnnotation(
                AnnotationSpec.builder(
                        ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator"))
                    .addMember(
                        "mode",
                        "$T.Mode.DELEGATING",
                        ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator"))
                    .build())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(String.class, "value")
            .addStatement("$T.requireNonNull(value, $S)", Objects.class, "value")
            .beginControlFlow("for ($T k : KNOWN)", self)
            .beginControlFlow("if (k.value.equals(value))")
            .addStatement("return k")
            .endControlFlow()
            .endControlFlow()
            .addStatement("return new $T(value)", self)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("knownValues")
            .addJavadoc("The constants this SDK knows.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(listOfSelf)
            .addStatement("return KNOWN")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("isKnown")
            .addJavadoc("Whether this is one of the {@link #knownValues() known values}.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addStatement("return KNOWN.contains(this)")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("value")
            .addJavadoc("The value as written in manifests.\n")
            .addAnnotation(ClassName.get("com.fasterxml.jackson.annotation", "JsonValue"))
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return value")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("equals")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(Object.class, "o")
            .addStatement("return o instanceof $T && (($T) o).value.equals(value)", self, self)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return value.hashCode()")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return value")
            .build());
    return file(MODEL_PACKAGE, type.build());
  }
}
