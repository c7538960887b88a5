package dev.gatewaysdk.model.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.WildcardTypeName;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code GatewayApiKind}: one constant per modelled kind, with the group, plural and scope of
 * its CRD.
 */
final class KindRegistry {
  /** The API version new objects are created with: the GA version every modelled kind serves. */
  static final String DEFAULT_VERSION = "v1";

  private KindRegistry() {}

  static JavaFile emit(Inputs inputs, Crds latest) {
    ClassName self = ClassName.get(ModelGenerator.MODEL_PACKAGE, "GatewayApiKind");
    ClassName apiObject = ClassName.get(ModelGenerator.MODEL_PACKAGE, "GatewayApiObject");
    ClassName route = ClassName.get(ModelGenerator.MODEL_PACKAGE, "Route");
    TypeName typeOfObject =
        ParameterizedTypeName.get(
            ClassName.get(Class.class), WildcardTypeName.subtypeOf(apiObject));
    TypeSpec.Builder type =
        TypeSpec.enumBuilder(self)
            .addJavadoc(
                "The kinds of the Gateway API group {@value #GROUP} that the SDK models, with their REST names and\n"
                    + "model classes.\n\n"
                    + "<pre>{@code\n"
                    + "GatewayApiKind k = GatewayApiKind.ofKind(\"HTTPRoute\").orElseThrow();\n"
                    + "String path = \"/apis/\" + GatewayApiKind.GROUP + \"/v1/namespaces/default/\" + k.plural();\n"
                    + "}</pre>\n")
            .addAnnotation(ModelGenerator.generated())
            .addModifiers(Modifier.PUBLIC);
    String group = null;
    for (Inputs.Kind kind : inputs.kinds) {
      JsonNode crd =
          latest
              .definition(kind.typeName())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "type-names.txt: kind " + kind.typeName() + " has no CRD in " + latest));
      JsonNode spec = crd.path("spec");
      if (group != null && !group.equals(spec.path("group").asText())) {
        throw new IllegalStateException(kind.typeName() + " is not in the API group " + group);
      }
      group = spec.path("group").asText();
      String description =
          Javadoc.firstSentence(
              spec.path("versions")
                  .path(0)
                  .path("schema")
                  .path("openAPIV3Schema")
                  .path("description")
                  .asText());
      type.addEnumConstant(
          Javadoc.constantName(kind.typeName()),
          TypeSpec.anonymousClassBuilder(
                  "$S, $S, $L, $T.class",
                  kind.typeName(),
                  spec.path("names").path("plural").asText(),
                  "Namespaced".equals(spec.path("scope").asText()),
                  ClassName.get(ModelGenerator.MODEL_PACKAGE, kind.typeName()))
              .addJavadoc("$L\n", description)
              .build());
    }
    type.addField(
        FieldSpec.builder(String.class, "GROUP", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The API group of all Gateway API kinds.\n")
            .initializer("$S", group)
            .build());
    type.addField(
        FieldSpec.builder(
                String.class, "DEFAULT_VERSION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The version new objects are created with unless re-targeted: {@value}.\n")
            .initializer("$S", DEFAULT_VERSION)
            .build());
    type.addField(String.class, "kind", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(String.class, "plural", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(boolean.class, "namespaced", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(typeOfObject, "type", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addParameter(String.class, "kind")
            .addParameter(String.class, "plural")
            .addParameter(boolean.class, "namespaced")
            .addParameter(typeOfObject, "type")
            .addStatement("this.kind = kind")
            .addStatement("this.plural = plural")
            .addStatement("this.namespaced = namespaced")
            .addStatement("this.type = type")
            .build());
    type.addMethod(
        getter(
            "kind", String.class, "The kind as written in manifests, such as {@code HTTPRoute}."));
    type.addMethod(
        getter(
            "plural",
            String.class,
            "The lower-case plural used in REST paths, such as {@code httproutes}."));
    type.addMethod(
        MethodSpec.methodBuilder("singular")
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addJavadoc("The lower-case singular name, such as {@code httproute}.\n")
            .addStatement("return kind.toLowerCase($T.ROOT)", Locale.class)
            .build());
    type.addMethod(
        getter("namespaced", boolean.class, "Whether objects of this kind live in a namespace."));
    type.addMethod(
        MethodSpec.methodBuilder("type")
            .addModifiers(Modifier.PUBLIC)
            .returns(typeOfObject)
            .addJavadoc("The model class of this kind.\n")
            .addStatement("return type")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("isRoute")
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addJavadoc("Whether this kind is a route ({@link Route}).\n")
            .addStatement("return $T.class.isAssignableFrom(type)", route)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("apiVersion")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(String.class)
            .addParameter(String.class, "version")
            .addJavadoc("{@code gateway.networking.k8s.io/<version>}.\n")
            .addStatement("return GROUP + $S + version", "/")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("defaultApiVersion")
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addJavadoc(
                "The API version new objects of this kind get: {@code gateway.networking.k8s.io/v1}.\n")
            .addStatement("return apiVersion(DEFAULT_VERSION)")
            .build());
    TypeName optionalOfSelf = ParameterizedTypeName.get(ClassName.get(Optional.class), self);
    type.addMethod(
        MethodSpec.methodBuilder("ofKind")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(optionalOfSelf)
            .addParameter(String.class, "kind")
            .addJavadoc(
                "The kind named {@code kind} (case-sensitive, as in manifests), if the SDK models it.\n")
            .beginControlFlow("for ($T k : values())", self)
            .beginControlFlow("if (k.kind.equals(kind))")
            .addStatement("return $T.of(k)", Optional.class)
            .endControlFlow()
            .endControlFlow()
            .addStatement("return $T.empty()", Optional.class)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("of")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(optionalOfSelf)
            .addParameter(
                ParameterizedTypeName.get(
                    ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)),
                "type")
            .addJavadoc(
                "The kind whose model class is {@code type} (or a supertype of it), if any.\n")
            .beginControlFlow("for ($T k : values())", self)
            .beginControlFlow("if (k.type.isAssignableFrom(type))")
            .addStatement("return $T.of(k)", Optional.class)
            .endControlFlow()
            .endControlFlow()
            .addStatement("return $T.empty()", Optional.class)
            .build());
    return ModelGenerator.file(ModelGenerator.MODEL_PACKAGE, type.build());
  }

  private static MethodSpec getter(String name, Class<?> type, String javadoc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addJavadoc("$L\n", javadoc)
        .addStatement("return $L", name)
        .build();
  }
}
