package dev.gatewaysdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the SDK (conventions in
 * {@link DocSnippets}), and the blocks marked {@code run} run. A failure names the Markdown file
 * and line.
 */
class DocSnippetsCompileTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void everyJavaBlockOfTheDocsCompilesAndTheRunnableOnesRun(@TempDir Path out) throws Exception {
    List<String> docs = new ArrayList<>(List.of("README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files
          .map(p -> "docs/" + p.getFileName())
          .filter(n -> n.endsWith(".md"))
          .sorted()
          .forEach(docs::add);
    }
    List<DocSnippets.Skipped> skipped = new ArrayList<>();
    List<DocSnippets.Unit> units = new ArrayList<>();
    for (String doc : docs) {
      units.addAll(DocSnippets.units(ROOT, doc, skipped));
    }
    assertThat(units).as("java blocks found").hasSizeGreaterThan(20);

    List<String> errors = compile(units, out);
    assertThat(errors).as("doc snippets that do not compile").isEmpty();

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      for (DocSnippets.Unit u : units) {
        if (!u.run()) {
          continue;
        }
        Class<?> c = loader.loadClass(u.qualifiedName());
        Method m =
            c.getSimpleName().equals("Snippet")
                ? c.getMethod("snippet")
                : c.getMethod("main", String[].class);
        assertThat(Modifier.isStatic(m.getModifiers())).isTrue();
        try {
          m.invoke(null, m.getParameterCount() == 0 ? new Object[0] : new Object[] {new String[0]});
        } catch (java.lang.reflect.InvocationTargetException e) {
          throw new AssertionError(
              u.doc() + ":" + u.line() + ": the snippet failed when run", e.getCause());
        }
      }
    }
    assertThat(units.stream().filter(DocSnippets.Unit::run)).as("snippets that run").isNotEmpty();
  }

  @Test
  void aBlockThatDoesNotCompileIsReportedWithItsFileAndLine(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(
        dir.resolve("docs/bad.md"),
        "# Bad\n\ntext\n\n```java\nHTTPRoute r = HTTPRoute.builder().build();\n"
            + "int x = \"not a number\";\n```\n\n<!-- snippet: skip needs Spring -->\n```java\n@SpringBootTest class X {}\n```\n");
    List<DocSnippets.Skipped> skipped = new ArrayList<>();
    List<DocSnippets.Unit> units = DocSnippets.units(dir, "docs/bad.md", skipped);
    assertThat(units).hasSize(1);
    assertThat(skipped).extracting(DocSnippets.Skipped::reason).containsExactly("needs Spring");
    assertThat(compile(units, dir.resolve("out")))
        .singleElement()
        .asString()
        .startsWith("docs/bad.md:7: ");
  }

  @Test
  void aSkipWithoutReasonIsRefused(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs/x.md"), "<!-- snippet: skip -->\n```java\nint x;\n```\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DocSnippets.units(dir, "docs/x.md", new ArrayList<>()))
        .hasMessageContaining("docs/x.md:3")
        .hasMessageContaining("needs a reason");
  }

  /** Compiles the units to {@code out}; the errors as "doc:line: message". */
  static List<String> compile(List<DocSnippets.Unit> units, Path out) throws Exception {
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<UnitSource> sources = units.stream().map(UnitSource::new).collect(Collectors.toList());
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString(),
              "-proc:none",
              "-Xlint:none",
              "--release",
              "17");
      javac.getTask(null, files, diagnostics, options, null, sources).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() instanceof UnitSource s) {
        errors.add(
            s.unit.doc()
                + ":"
                + s.unit.docLine(d.getLineNumber())
                + ": "
                + String.join(" ", d.getMessage(Locale.ROOT).lines().map(String::strip).toList()));
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.toString());
      }
    }
    return errors;
  }

  private static final class UnitSource extends SimpleJavaFileObject {
    final DocSnippets.Unit unit;

    UnitSource(DocSnippets.Unit unit) {
      super(
          URI.create("string:///" + unit.qualifiedName().replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.unit = unit;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return unit.source();
    }
  }
}
