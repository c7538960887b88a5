package dev.gatewaysdk.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatewaysdk.core.FieldValidation;
import dev.gatewaysdk.core.validation.Cause;
import dev.gatewaysdk.core.validation.GatewayApiValidator;
import dev.gatewaysdk.core.validation.ValidationResult;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.ManifestException;
import dev.gatewaysdk.model.ManifestNote;
import dev.gatewaysdk.model.Manifests;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatewaysdk validate [--release RELEASE] [--channel standard|experimental] [--crds PATH]
 * FILE...}: validates every Gateway API document as the API server would (schema, defaults, CEL
 * rules) and prints errors as kubectl does; exits 1 when any document is rejected. Documents of
 * core kinds are skipped. A Markdown file (a guide) is checked block by block: each YAML code block
 * is named {@code FILE:LINE}.
 */
@Command(
    name = "validate",
    description =
        "Validate Gateway API manifests offline, exactly as the API server with the release's CRDs would.")
final class ValidateCommand implements Callable<Integer> {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Manifest files (multi-document YAML or JSON), or Markdown "
              + "files whose YAML code blocks are checked; - reads standard input.")
  List<String> files;

  @Option(
      names = "--release",
      description = "Gateway API release whose CRDs to use (default ${DEFAULT-VALUE}).")
  String release = CrdSource.LATEST_RELEASE;

  @Option(names = "--channel", description = "standard or experimental (default ${DEFAULT-VALUE}).")
  String channel = "standard";

  @Option(
      names = "--crds",
      paramLabel = "PATH",
      description = "Use the CRDs in this file or directory instead of a release.")
  Path crds;

  @Option(
      names = "--skip-unknown-kinds",
      description =
          "Skip documents of other API groups whose kinds the "
              + "release does not define (such as a cert-manager Certificate) instead of rejecting them.")
  boolean skipUnknownKinds;

  @Option(
      names = "--field-validation",
      description = "Strict, Warn or Ignore: what unknown fields do (default ${DEFAULT-VALUE}).")
  String fieldValidation = "Strict";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FieldValidation mode = FieldValidation.parse(fieldValidation);
    GatewayApiValidator validator =
        crds != null
            ? GatewayApiValidator.fromFiles(crds)
            : GatewayApiValidator.forRelease(release, Channel.parse(channel));
    int rejected = 0;
    int checked = 0;
    List<Source> sources = new ArrayList<>();
    for (String file : files) {
      try {
        sources.addAll(sources(file));
      } catch (IOException | RuntimeException e) {
        err.println("error: " + file + ": " + e.getMessage());
        rejected++;
      }
    }
    for (Source source : sources) {
      String file = source.name();
      List<JsonNode> docs;
      List<Integer> lines = new ArrayList<>();
      try {
        docs = read(source.text(), lines);
      } catch (IOException | RuntimeException e) {
        err.println("error: " + file + ": " + e.getMessage());
        rejected++;
        continue;
      }
      List<ManifestNote> notes = notes(source.text());
      for (int i = 0; i < docs.size(); i++) {
        JsonNode doc = docs.get(i);
        String apiVersion = doc.path("apiVersion").asText("");
        String kind = doc.path("kind").asText("");
        String name = doc.path("metadata").path("name").asText("");
        int slash = apiVersion.indexOf('/');
        String at = source.file() + ":" + (source.firstLine() + lines.get(i) - 1) + ": ";
        if (!apiVersion.isEmpty()
            && !kind.isEmpty()
            && (slash < 0 || !apiVersion.substring(0, slash).contains("."))) {
          out.println(
              at
                  + kind.toLowerCase(Locale.ROOT)
                  + "/"
                  + name
                  + " skipped ("
                  + apiVersion
                  + " is not a custom resource)");
          continue;
        }
        ValidationResult result = validator.validate(doc, null, mode);
        String resource =
            kind.toLowerCase(Locale.ROOT)
                + (slash < 0 ? "" : "." + apiVersion.substring(0, slash))
                + "/"
                + name;
        boolean notServed =
            result.causes().stream().anyMatch(c -> c.reason().equals(Cause.KIND_NOT_SERVED));
        if (notServed && skipUnknownKinds && !apiVersion.startsWith("gateway.networking.")) {
          out.println(at + resource + " skipped (not a kind of the Gateway API release)");
          continue;
        }
        checked++;
        result.warnings().forEach(w -> err.println("Warning: " + w));
        if (result.valid()) {
          out.println(at + resource + " valid");
          continue;
        }
        rejected++;
        if (notServed) {
          err.println(
              "error: resource mapping not found for name: \""
                  + name
                  + "\" namespace: \""
                  + doc.path("metadata").path("namespace").asText("")
                  + "\" from \""
                  + file
                  + "\": "
                  + result.causes().get(0).message()
                  + (apiVersion.startsWith("gateway.networking.")
                      ? ""
                      : " (--skip-unknown-kinds skips kinds of other API groups)"));
          notes.stream()
              .filter(n -> n.kind().equals(kind) && n.apiVersion().equals(apiVersion))
              .map(ManifestNote::message)
              .distinct()
              .forEach(m -> err.println("hint: " + m));
        } else if (result.statusCode() == 400) {
          err.println(
              "Error from server (BadRequest): error when creating \""
                  + file
                  + "\": "
                  + result
                      .kubectlMessage()
                      .replaceFirst("^Error from server \\(BadRequest\\): ", ""));
        } else {
          err.println(
              "Error from server (Invalid): error when creating \""
                  + file
                  + "\": "
                  + result.kubectlMessage());
        }
      }
    }
    out.flush();
    err.flush();
    if (checked == 0 && rejected == 0) {
      err.println("warning: no Gateway API documents found");
    }
    return rejected == 0 ? 0 : 1;
  }

  /**
   * Documents to check under one name: a file, standard input, or one YAML block of a Markdown
   * file.
   */
  private record Source(String file, int firstLine, String text) {
    /** FILE, or FILE:LINE for a block of a Markdown file. */
    String name() {
      return firstLine == 1 ? file : file + ":" + firstLine;
    }
  }

  private static List<Source> sources(String file) throws IOException {
    String text =
        file.equals("-")
            ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    if (!MarkdownBlocks.isMarkdown(file)) {
      return List.of(new Source(file, 1, text));
    }
    List<Source> blocks = new ArrayList<>();
    for (MarkdownBlocks.Block b : MarkdownBlocks.yaml(text)) {
      blocks.add(new Source(file, b.line(), b.text()));
    }
    return blocks;
  }

  /** What the model knows about the API versions of {@code text} (unserved or outdated ones). */
  private static List<ManifestNote> notes(String text) {
    try {
      return Manifests.check(text);
    } catch (ManifestException e) {
      return List
          .of(); // read() already accepted the YAML; the validator reports what the model rejects
    }
  }

  /** The documents of {@code text}, and to {@code lines} the 1-based line each starts on. */
  private static List<JsonNode> read(String text, List<Integer> lines) throws IOException {
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      List<JsonNode> docs = new ArrayList<>();
      while (it.hasNextValue()) {
        int line = it.getParser().currentTokenLocation().getLineNr();
        JsonNode doc = it.nextValue();
        if (doc != null && doc.isObject() && !doc.isEmpty()) {
          docs.add(doc);
          lines.add(Math.max(line, 1));
        }
      }
      return docs;
    }
  }
}
