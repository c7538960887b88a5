package dev.gatewaysdk.model.generator;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.WildcardTypeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Emits one streaming JSON codec per model value type ({@code internal.<Type>Codec}): field-name
 * constants, the set of known names, a writer and a reader that binds straight into the type's
 * builder.
 *
 * <p>The fields and how each is held in Java (optional, list, map, open enum, nested value, order)
 * come from {@link ValueTypes}, the same schema-derived description the value types are emitted
 * from.
 */
final class CodecGenerator {
  private static final String CODECS_HELPER = "Codecs";
  private static final ClassName JSON_GENERATOR =
      ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  private static final ClassName JSON_PARSER =
      ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  private static final ClassName JSON_TOKEN =
      ClassName.get("com.fasterxml.jackson.core", "JsonToken");
  private static final ClassName SERIALIZED_STRING =
      ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");
  private static final ClassName CONTEXT =
      ClassName.get("com.fasterxml.jackson.databind", "DeserializationContext");
  private static final ClassName DESERIALIZER =
      ClassName.get("com.fasterxml.jackson.databind", "JsonDeserializer");
  private static final ClassName SERIALIZER =
      ClassName.get("com.fasterxml.jackson.databind", "JsonSerializer");
  private static final ClassName PROVIDER =
      ClassName.get("com.fasterxml.jackson.databind", "SerializerProvider");
  private static final ClassName JSON_NODE =
      ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final ClassName CODECS =
      ClassName.get(ModelGenerator.INTERNAL_PACKAGE, CODECS_HELPER);

  /** How a value (or a list element) is held. */
  enum Scalar {
    STRING,
    INT,
    LONG,
    BOOLEAN,
    TREE,
    OPEN_ENUM,
    VALUE
  }

  /** How a field holds its value(s). */
  enum Shape {
    REQUIRED,
    OPTIONAL,
    LIST,
    STRING_MAP
  }

  /** One field of a codec: JSON name, accessor, shape and element type. */
  record Field(
      String json,
      String accessor,
      Shape shape,
      Scalar scalar,
      String typeName,
      boolean required) {}

  private final Inputs inputs;
  private final ValueTypes valueTypes;
  private final Path modelSources;
  private final Set<String> openEnums = new LinkedHashSet<>();
  private final Set<String> depluralized = new LinkedHashSet<>();
  private final Map<String, String> dictionary = new LinkedHashMap<>();
  private final Set<String> intoBuilder = new LinkedHashSet<>();

  CodecGenerator(Inputs inputs, ValueTypes valueTypes, Path modelSources) {
    this.inputs = inputs;
    this.valueTypes = valueTypes;
    this.modelSources = modelSources;
    inputs.openEnums.forEach(e -> openEnums.add(e.typeName()));
    readDepluralizeDictionary();
  }

  /** Every codec, in type name order, and the codec table. */
  List<JavaFile> emit() {
    // the types a kind's reader fills in place: its metadata and spec builders
    for (Inputs.CodecRoot root : inputs.codecRoots) {
      if (root.path() == null || root.path().endsWith(".spec")) {
        intoBuilder.add(root.typeName());
      }
    }
    List<JavaFile> files = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (ValueTypes.ValueType type : valueTypes.all()) {
      List<Field> fields = new ArrayList<>();
      for (ValueTypes.Field f : type.fields()) {
        fields.add(field(type.name(), f));
      }
      types.add(type.name());
      files.add(codec(type.name(), fields));
    }
    files.add(registry(types));
    return files;
  }

  private Field field(String type, ValueTypes.Field a) {
    // a list the schema requires is written even when empty
    boolean required = !a.omitEmpty();
    String t = a.javaType();
    if (t.equals("Map<String,String>")) {
      return new Field(a.json(), a.accessor(), Shape.STRING_MAP, Scalar.STRING, "String", required);
    }
    Shape shape = Shape.REQUIRED;
    String element = t;
    if (t.startsWith("Optional<")) {
      shape = Shape.OPTIONAL;
      element = ValueTypes.elementType(t);
    } else if (t.startsWith("List<")) {
      shape = Shape.LIST;
      element = ValueTypes.elementType(t);
    }
    Scalar scalar =
        switch (element) {
          case "String" -> Scalar.STRING;
          case "int", "Integer" -> Scalar.INT;
          case "long", "Long" -> Scalar.LONG;
          case "boolean", "Boolean" -> Scalar.BOOLEAN;
          case "JsonNode" -> Scalar.TREE;
          default -> {
            if (openEnums.contains(element)) {
              yield Scalar.OPEN_ENUM;
            }
            if (valueTypes.isValueType(element)) {
              yield Scalar.VALUE;
            }
            throw new IllegalStateException(
                type + "." + a.accessor() + "(): no codec for the Java type " + t);
          }
        };
    return new Field(a.json(), a.accessor(), shape, scalar, element, required);
  }

  /** Immutables' depluralization as {@code GatewayApiStyle} configures it. */
  private void readDepluralizeDictionary() {
    Path style =
        modelSources.resolve(
            ModelGenerator.MODEL_PACKAGE.replace('.', '/') + "/GatewayApiStyle.java");
    if (!Files.isRegularFile(style)) {
      return;
    }
    try {
      Matcher m =
          Pattern.compile("\"(\\w+):(\\w+)\"")
              .matcher(Files.readString(style, StandardCharsets.UTF_8));
      while (m.find()) {
        dictionary.put(m.group(2), m.group(1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code matches} to {@code match}, {@code backendRefs} to {@code backendRef}. */
  String singular(String plural) {
    int wordStart = 0;
    for (int i = plural.length() - 1; i > 0; i--) {
      if (Character.isUpperCase(plural.charAt(i))) {
        wordStart = i;
        break;
      }
    }
    String head = plural.substring(0, wordStart);
    String word = plural.substring(wordStart);
    String lower = word.toLowerCase(Locale.ROOT);
    String single;
    if (dictionary.containsKey(lower)) {
      single = dictionary.get(lower);
      if (Character.isUpperCase(word.charAt(0))) {
        single = Character.toUpperCase(single.charAt(0)) + single.substring(1);
      }
    } else if (word.endsWith("s") && !word.endsWith("ss")) {
      single = word.substring(0, word.length() - 1);
    } else {
      single = word;
    }
    depluralized.add(plural);
    return head + single;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String constant(String json) {
    return "F_" + Javadoc.constantName(json);
  }

  /** The constant holding an open enum's known values, matched without decoding a string. */
  private static String enumConstant(String typeName) {
    return "E_" + Javadoc.constantName(typeName);
  }

  // --------------------------------------------------------------------------------------------
  // emitting

  private JavaFile codec(String type, List<Field> fields) {
    ClassName model = ClassName.get(ModelGenerator.MODEL_PACKAGE, type);
    ClassName builder = model.nestedClass("Builder");
    ClassName self = ClassName.get(ModelGenerator.INTERNAL_PACKAGE, type + "Codec");
    ClassName writer = self.nestedClass("Writer");
    ClassName reader = self.nestedClass("Reader");
    TypeSpec.Builder codec =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "Streaming JSON codec of {@link $T}: field by field, without reflection, binding straight\n"
                    + "into the builder. Generated from the CRD schemas and the accessors of {@code $L}.\n",
                model,
                type)
            .addAnnotation(ModelGenerator.generated())
            .addModifiers(Modifier.FINAL);
    Set<String> constants = new LinkedHashSet<>();
    for (Field f : fields) {
      if (constants.add(constant(f.json()))) {
        codec.addField(
            FieldSpec.builder(
                    SERIALIZED_STRING,
                    constant(f.json()),
                    Modifier.PRIVATE,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer("new $T($S)", SERIALIZED_STRING, f.json())
                .build());
      }
    }
    Set<String> enums = new LinkedHashSet<>();
    for (Field f : fields) {
      if (f.scalar() == Scalar.OPEN_ENUM && enums.add(f.typeName())) {
        ClassName e = ClassName.get(ModelGenerator.MODEL_PACKAGE, f.typeName());
        codec.addField(
            FieldSpec.builder(
                    ParameterizedTypeName.get(CODECS.nestedClass("KnownValues"), e),
                    enumConstant(f.typeName()),
                    Modifier.PRIVATE,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer(
                    "new $T<>($T.knownValues(), $T::value, $T::of)",
                    CODECS.nestedClass("KnownValues"),
                    e,
                    e,
                    e)
                .build());
      }
    }
    CodeBlock.Builder order = CodeBlock.builder().add("{");
    for (int i = 0; i < fields.size(); i++) {
      order.add(i == 0 ? "$L" : ", $L", constant(fields.get(i).json()));
    }
    codec.addField(
        FieldSpec.builder(
                ArrayTypeName.of(SERIALIZED_STRING),
                "ORDER",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The field names in the written order, which the reader expects them in.\n")
            .initializer(order.add("}").build())
            .build());
    codec.addField(
        FieldSpec.builder(writer, "WRITER", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Writes {@link $T}.\n", model)
            .initializer("new $T()", writer)
            .build());
    codec.addField(
        FieldSpec.builder(reader, "READER", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Reads {@link $T}.\n", model)
            .initializer("new $T()", reader)
            .build());
    codec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    codec.addType(writer(model, writer, fields));
    codec.addType(reader(model, builder, reader, fields, intoBuilder.contains(type)));
    return ModelGenerator.file(ModelGenerator.INTERNAL_PACKAGE, codec.build());
  }

  /** {@code internal.ValueCodecs}: the writer and reader of every value type, by model class. */
  private static JavaFile registry(List<String> types) {
    CodeBlock.Builder writers = CodeBlock.builder().add("$T.ofEntries(\n", Map.class).indent();
    CodeBlock.Builder readers = CodeBlock.builder().add("$T.ofEntries(\n", Map.class).indent();
    for (int i = 0; i < types.size(); i++) {
      ClassName model = ClassName.get(ModelGenerator.MODEL_PACKAGE, types.get(i));
      ClassName codec = ClassName.get(ModelGenerator.INTERNAL_PACKAGE, types.get(i) + "Codec");
      String end = i < types.size() - 1 ? ",\n" : ")";
      writers.add("$T.entry($T.class, $T.WRITER)$L", Map.class, model, codec, end);
      readers.add("$T.entry($T.class, $T.READER)$L", Map.class, model, codec, end);
    }
    TypeName classKey =
        ParameterizedTypeName.get(
            ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
    TypeName any = WildcardTypeName.subtypeOf(Object.class);
    TypeSpec type =
        TypeSpec.classBuilder("ValueCodecs")
            .addJavadoc(
                "The codec of every model value type (not the kinds: {@code KindCodec}), by model class;\n"
                    + "{@code ModelCodec} looks them up for Jackson.\n")
            .addAnnotation(ModelGenerator.generated())
            .addModifiers(Modifier.FINAL)
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(
                            ClassName.get(Map.class),
                            classKey,
                            ParameterizedTypeName.get(SERIALIZER, any)),
                        "WRITERS",
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer(writers.unindent().build())
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(
                            ClassName.get(Map.class),
                            classKey,
                            ParameterizedTypeName.get(DESERIALIZER, any)),
                        "READERS",
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer(readers.unindent().build())
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .build();
    return ModelGenerator.file(ModelGenerator.INTERNAL_PACKAGE, type);
  }

  private TypeSpec writer(ClassName model, ClassName writer, List<Field> fields) {
    CodeBlock.Builder body = CodeBlock.builder().addStatement("g.writeStartObject()");
    for (Field f : fields) {
      String get = "v." + f.accessor() + "()";
      switch (f.shape()) {
        case REQUIRED -> {
          body.addStatement("g.writeFieldName($L)", constant(f.json()));
          body.add(writeValue(f, get));
        }
        case OPTIONAL -> {
          body.beginControlFlow("if ($L.isPresent())", get);
          body.addStatement("g.writeFieldName($L)", constant(f.json()));
          body.add(writeValue(f, get + ".get()"));
          body.endControlFlow();
        }
        case LIST -> {
          if (!f.required()) {
            body.beginControlFlow("if (!$L.isEmpty())", get);
          }
          body.addStatement("g.writeFieldName($L)", constant(f.json()));
          body.addStatement("g.writeStartArray()");
          body.beginControlFlow("for ($T e : $L)", elementTypeName(f), get);
          body.add(writeValue(f, "e"));
          body.endControlFlow();
          body.addStatement("g.writeEndArray()");
          if (!f.required()) {
            body.endControlFlow();
          }
        }
        case STRING_MAP -> {
          body.beginControlFlow("if (!$L.isEmpty())", get);
          body.addStatement("g.writeFieldName($L)", constant(f.json()));
          body.addStatement("g.writeStartObject()");
          body.beginControlFlow("for ($T.Entry<String, String> e : $L.entrySet())", Map.class, get);
          body.addStatement("g.writeFieldName(e.getKey())");
          body.addStatement("g.writeString(e.getValue())");
          body.endControlFlow();
          body.addStatement("g.writeEndObject()");
          body.endControlFlow();
        }
      }
    }
    body.addStatement("$T.writeUnknown(v.unknownFields(), g, p)", CODECS);
    body.addStatement("g.writeEndObject()");
    return TypeSpec.classBuilder(writer)
        .addJavadoc("The serializer of {@link $T}.\n", model)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(SERIALIZER, model))
        .addMethod(
            MethodSpec.methodBuilder("serialize")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(model, "v")
                .addParameter(JSON_GENERATOR, "g")
                .addParameter(PROVIDER, "p")
                .addException(IOException.class)
                .addCode(body.build())
                .build())
        .addMethod(
            MethodSpec.methodBuilder("handledType")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Class.class), model))
                .addStatement("return $T.class", model)
                .build())
        .build();
  }

  private TypeName elementTypeName(Field f) {
    return switch (f.scalar()) {
      case STRING -> ClassName.get(String.class);
      case INT -> ClassName.get(Integer.class);
      case LONG -> ClassName.get(Long.class);
      case BOOLEAN -> ClassName.get(Boolean.class);
      case TREE -> JSON_NODE;
      case OPEN_ENUM, VALUE -> ClassName.get(ModelGenerator.MODEL_PACKAGE, f.typeName());
    };
  }

  private CodeBlock writeValue(Field f, String value) {
    return switch (f.scalar()) {
      case STRING -> CodeBlock.of("g.writeString($L);\n", value);
      case INT, LONG -> CodeBlock.of("g.writeNumber($L);\n", value);
      case BOOLEAN -> CodeBlock.of("g.writeBoolean($L);\n", value);
      case TREE -> CodeBlock.of("g.writeTree($L);\n", value);
      case OPEN_ENUM -> CodeBlock.of("g.writeString($L.value());\n", value);
      case VALUE ->
          CodeBlock.of(
              "$T.WRITER.serialize($L, g, p);\n",
              ClassName.get(ModelGenerator.INTERNAL_PACKAGE, f.typeName() + "Codec"),
              value);
    };
  }

  private CodeBlock readValue(Field f) {
    return switch (f.scalar()) {
      case STRING -> CodeBlock.of("$T.string(p, ctxt)", CODECS);
      case INT -> CodeBlock.of("$T.intValue(p, ctxt)", CODECS);
      case LONG -> CodeBlock.of("$T.longValue(p, ctxt)", CODECS);
      case BOOLEAN -> CodeBlock.of("$T.booleanValue(p, ctxt)", CODECS);
      case TREE -> CodeBlock.of("$T.tree(p, ctxt)", CODECS);
      case OPEN_ENUM ->
          CodeBlock.of("$T.openEnum(p, ctxt, $L)", CODECS, enumConstant(f.typeName()));
      case VALUE ->
          CodeBlock.of(
              "$T.object(p, ctxt, $T.READER)",
              CODECS,
              ClassName.get(ModelGenerator.INTERNAL_PACKAGE, f.typeName() + "Codec"));
    };
  }

  private TypeSpec reader(
      ClassName model,
      ClassName builder,
      ClassName reader,
      List<Field> fields,
      boolean withReadInto) {
    if (fields.size() > Long.SIZE) {
      throw new IllegalStateException(
          model.simpleName()
              + " has "
              + fields.size()
              + " fields; the generated reader's duplicate check holds one bit per field, at most "
              + Long.SIZE);
    }
    CodeBlock.Builder cases = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      cases.add("case $S:\n", f.json()).indent();
      // one bit per known field: a second occurrence is refused, whatever the parser allows
      cases.addStatement("seen = $T.once(seen, 0x$LL, p)", CODECS, Long.toHexString(1L << i));
      cases.addStatement("next = $L", i + 1);
      cases.beginControlFlow("if (t == $T.VALUE_NULL)", JSON_TOKEN);
      cases.addStatement("break");
      cases.endControlFlow();
      switch (f.shape()) {
        case REQUIRED, OPTIONAL -> {
          cases.addStatement("b.$L($L)", f.accessor(), readValue(f));
          cases.addStatement("break");
        }
        case LIST -> {
          cases.addStatement("$T.expectArray(p, ctxt)", CODECS);
          cases.beginControlFlow("for (int i = 0; p.nextToken() != $T.END_ARRAY; i++)", JSON_TOKEN);
          cases.beginControlFlow("try");
          cases.addStatement("b.add$L($L)", capitalize(singular(f.accessor())), readValue(f));
          cases.nextControlFlow("catch ($T e)", Exception.class);
          cases.addStatement("throw $T.wrap(e, i, p)", CODECS);
          cases.endControlFlow();
          cases.endControlFlow();
          cases.addStatement("break");
        }
        case STRING_MAP -> {
          cases.addStatement("b.$L($T.stringMap(p, ctxt))", f.accessor(), CODECS);
          cases.addStatement("break");
        }
      }
      cases.unindent();
    }
    cases.add("default:\n").indent();
    cases.addStatement("unknown = $T.unknownName(unknown, field, p)", CODECS);
    cases.addStatement(
        "b.putUnknownField(field, t == $T.VALUE_NULL ? null : $T.unknown(p, ctxt))",
        JSON_TOKEN,
        CODECS);
    cases.unindent();

    CodeBlock readInto =
        CodeBlock.builder()
            .addStatement("$T.expectObject(p, ctxt)", CODECS)
            .addStatement("String field = null")
            .addStatement("long seen = 0")
            .addStatement("int next = 0")
            .addStatement("$T<String> unknown = null", Set.class)
            .beginControlFlow("try")
            .beginControlFlow(
                "for (field = $T.nextField(p, ORDER, next); field != null; field = $T.nextField(p, ORDER, next))",
                CODECS,
                CODECS)
            .addStatement("$T t = p.nextToken()", JSON_TOKEN)
            .beginControlFlow("switch (field)")
            .add(cases.build())
            .endControlFlow()
            .endControlFlow()
            .nextControlFlow("catch ($T e)", Exception.class)
            .addStatement("throw $T.wrap(e, $T.class, field, p)", CODECS, model)
            .endControlFlow()
            .build();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(reader)
            .addJavadoc("The deserializer of {@link $T}.\n", model)
            .addModifiers(Modifier.STATIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(DESERIALIZER, model));
    MethodSpec.Builder deserialize =
        MethodSpec.methodBuilder("deserialize")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(model)
            .addParameter(JSON_PARSER, "p")
            .addParameter(CONTEXT, "ctxt")
            .addException(IOException.class)
            .addStatement("$T b = $T.builder()", builder, model);
    if (withReadInto) {
      deserialize.addStatement("readInto(p, ctxt, b)");
      type.addMethod(
          MethodSpec.methodBuilder("readInto")
              .addJavadoc(
                  "Reads the fields of the object at {@code p} into {@code b} without building it (a kind's\n"
                      + "reader fills its nested spec and metadata builders this way).\n")
              .addParameter(JSON_PARSER, "p")
              .addParameter(CONTEXT, "ctxt")
              .addParameter(builder, "b")
              .addException(IOException.class)
              .addCode(readInto)
              .build());
    } else {
      // the loop inline: one call level less per nesting level keeps deep reads within the JIT's
      // inlining depth (escape analysis of the builders)
      deserialize.addCode(readInto);
    }
    deserialize
        .beginControlFlow("try")
        .addStatement("return b.build()")
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement("throw $T.invalid(e, $T.class, p, ctxt)", CODECS, model)
        .endControlFlow();
    type.addMethod(deserialize.build());
    return type.addMethod(
            MethodSpec.methodBuilder("handledType")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(
                    ParameterizedTypeName.get(
                        ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)))
                .addStatement("return $T.class", model)
                .build())
        .build();
  }
}
