package dev.gatewaysdk.model.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The hand-written companion of a generated model type {@code X}: the package-private file {@code
 * XShortcuts.java}, the one way hand-written code attaches to generated types (CONTRIBUTING.md,
 * "Hand-written companions"). The generated {@code X} extends the class {@code XShortcuts} (static
 * factories, {@code @Value.Check}s, derived helpers); when it declares {@code interface Builder},
 * the generated {@code X.Builder} implements it (builder shortcuts as default methods); when it
 * declares {@code class BuilderState}, the generated builder holds one in the package-private field
 * {@code shortcuts} and calls its {@code beforeBuild(builder)} first in {@code build()}. Its
 * Javadoc example ({@code <pre>{@code ...}</pre>}) is copied into {@code X}'s.
 *
 * <p>Read as text, never compiled: regeneration does not depend on the current model compiling.
 *
 * @param type the companion class {@code XShortcuts}
 * @param builder whether it declares {@code interface Builder}
 * @param builderState whether it declares {@code class BuilderState}
 * @param example its Javadoc example without the leading stars, if any
 * @param text its source text
 */
record Companion(
    ClassName type, boolean builder, boolean builderState, Optional<String> example, String text) {
  private static final Pattern EXAMPLE =
      Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\*\\s*\\}</pre>", Pattern.DOTALL);

  /** The companion of {@code model} in {@code modelSources}, if one is written. */
  static Optional<Companion> of(Path modelSources, ClassName model) {
    Path file =
        modelSources
            .resolve(model.packageName().replace('.', '/'))
            .resolve(model.simpleName() + "Shortcuts.java");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(
        new Companion(
            ClassName.get(model.packageName(), model.simpleName() + "Shortcuts"),
            text.contains("\n  interface Builder "),
            text.contains("class BuilderState "),
            example(text),
            text));
  }

  private static Optional<String> example(String text) {
    Matcher m = EXAMPLE.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (String line : m.group(1).split("\n")) {
      out.append(line.replaceFirst("^\\s*\\* ?", "")).append('\n');
    }
    return Optional.of(out.toString());
  }

  /** Whether the companion declares the factory {@code static X name(..)}. */
  boolean declaresFactory(ClassName model, String name) {
    return text.contains("static " + model.simpleName() + " " + name + "(");
  }

  /** Makes {@code type} (the generated {@code X}) extend the companion. */
  void attachTo(TypeSpec.Builder type) {
    type.superclass(this.type);
    example.ifPresent(e -> type.addJavadoc("\n<pre>{@code\n$L}</pre>\n", e));
  }

  /**
   * Makes {@code builder} (the generated {@code X.Builder}) implement the companion's shortcuts.
   */
  void attachToBuilder(TypeSpec.Builder builder, ClassName model) {
    if (this.builder) {
      builder.addSuperinterface(type.nestedClass("Builder"));
    }
    if (builderState) {
      ClassName state = type.nestedClass("BuilderState");
      builder.addField(
          FieldSpec.builder(state, "shortcuts", Modifier.FINAL)
              .initializer("new $T()", state)
              .build());
      builder.addMethod(
          MethodSpec.methodBuilder("build")
              .addJavadoc(
                  "Builds the {@code $L}, adding first what the shortcuts left pending (see each"
                      + " shortcut).\n",
                  model.simpleName())
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(model)
              .addStatement("shortcuts.beforeBuild(this)")
              .addStatement("return super.build()")
              .build());
    }
  }
}
