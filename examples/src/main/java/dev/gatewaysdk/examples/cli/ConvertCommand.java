package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.model.ManifestDocument;
import dev.gatewaysdk.model.ManifestException;
import dev.gatewaysdk.model.ManifestNote;
import dev.gatewaysdk.model.ManifestReader;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.ServedVersions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatewaysdk convert FILE... [--to yaml|json] [--upgrade]}: reads manifests through the
 * model and writes them normalized to standard output; notes (such as unserved API versions) go to
 * standard error. A Markdown file contributes its YAML code blocks. {@code --upgrade} re-targets
 * Gateway API objects whose version the release does not serve, or serves deprecated, to the kind's
 * storage version (HTTPRoute v1alpha2 to v1). YAML output keeps the input's comments where their
 * fields are ({@link YamlComments}); JSON has no comments.
 */
@Command(
    name = "convert",
    description = "Read YAML/JSON manifests through the SDK model and print them normalized.")
final class ConvertCommand implements Callable<Integer> {
  enum Format {
    yaml,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Manifest files, or Markdown files whose YAML code "
              + "blocks are read; - reads standard input.")
  List<String> files;

  @Option(
      names = "--upgrade",
      description =
          "Re-target Gateway API objects whose apiVersion the release does not "
              + "serve, or serves deprecated, to the kind's storage version (HTTPRoute v1alpha2 -> v1).")
  boolean upgrade;

  @Option(
      names = "--release",
      description = "Gateway API release for --upgrade (default ${DEFAULT-VALUE}).")
  String release = CrdSource.LATEST_RELEASE;

  @Option(
      names = "--channel",
      description =
          "standard or experimental, for --upgrade (default ${DEFAULT-VALUE}); "
              + "kinds only the experimental channel has use it.")
  String channel = "standard";

  @Option(
      names = "--to",
      defaultValue = "yaml",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format to;

  @Option(
      names = "--strict",
      description = "Fail on notes such as API versions no Gateway API release serves.")
  boolean strict;

  @Option(
      names = "--drop-comments",
      description =
          "Leave the input's comments out of YAML output (by default "
              + "each stays at its field, list item or line).")
  boolean dropComments;

  /**
   * A document read, with the comments that stood in it (null when it had none or they are not
   * kept).
   */
  private record Read(ManifestDocument doc, YamlComments comments) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ManifestReader reader = ManifestReader.builder().strict(strict).build();
    List<Object> objects = new ArrayList<>();
    List<YamlComments> comments = new ArrayList<>();
    try {
      for (String file : files) {
        for (Read read : read(reader, file)) {
          ManifestDocument doc = read.doc();
          for (ManifestNote note : doc.notes()) {
            err.println("note: " + note);
          }
          objects.add(upgrade ? upgraded(doc.object(), err) : doc.object());
          comments.add(dropComments ? null : read.comments());
        }
      }
    } catch (ManifestException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("error: " + e);
      return 1;
    }
    if (objects.isEmpty()) {
      return 0;
    }
    if (to == Format.json) {
      out.print(objects.size() == 1 ? Manifests.toJson(objects.get(0)) : Manifests.toJson(objects));
    } else {
      for (int i = 0; i < objects.size(); i++) {
        String yaml = Manifests.toYaml(objects.get(i));
        out.print(
            (i > 0 ? "---\n" : "")
                + (comments.get(i) == null ? yaml : comments.get(i).applyTo(yaml)));
      }
    }
    out.flush();
    return 0;
  }

  private static List<Read> read(ManifestReader reader, String file) throws IOException {
    if (file.equals("-")) {
      String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      return withComments(reader.readDocuments(new StringReader(text), "<stdin>"), text);
    }
    if (!MarkdownBlocks.isMarkdown(file)) {
      // read (within the reader's limits) before the text is looked at for comments
      List<ManifestDocument> docs = reader.readDocuments(Path.of(file));
      return withComments(docs, Files.readString(Path.of(file), StandardCharsets.UTF_8));
    }
    List<Read> docs = new ArrayList<>();
    for (MarkdownBlocks.Block block :
        MarkdownBlocks.yaml(Files.readString(Path.of(file), StandardCharsets.UTF_8))) {
      // padded with the lines before the block, so that lines in notes and errors are the Markdown
      // file's
      String text = "\n".repeat(block.line() - 1) + block.text();
      docs.addAll(
          withComments(
              reader.readDocuments(new StringReader(text), file + ":" + block.line()), text));
    }
    return docs;
  }

  /**
   * {@code docs} paired with the comments {@code text} has for each, found by the line where each
   * starts.
   */
  private static List<Read> withComments(List<ManifestDocument> docs, String text) {
    Map<Integer, YamlComments> comments =
        text.indexOf('#') < 0 ? Map.of() : YamlComments.byLine(text);
    List<Read> out = new ArrayList<>(docs.size());
    for (ManifestDocument doc : docs) {
      out.add(new Read(doc, comments.get(doc.line())));
    }
    return out;
  }

  /**
   * {@code object} at its kind's preferred version ({@link ServedVersions#preferred}) when the
   * release does not serve its version, or deprecates it.
   */
  private Object upgraded(Object object, PrintWriter err) {
    if (!(object instanceof GatewayApiObject)) {
      return object;
    }
    GatewayApiObject o = (GatewayApiObject) object;
    String kind = GatewayApiKind.of(o.getClass()).orElseThrow().kind();
    String version = o.apiVersion().substring(o.apiVersion().indexOf('/') + 1);
    ServedVersions served = ServedVersions.of(release);
    Channel preferred = Channel.parse(channel);
    Channel c = served.served(preferred, kind).isEmpty() ? Channel.EXPERIMENTAL : preferred;
    Optional<String> target = served.preferred(c, kind);
    if (target.isEmpty()
        || served.isServed(c, kind, version) && !served.isDeprecated(c, kind, version)) {
      return object;
    }
    GatewayApiObject upgraded = o.withApiVersion(GatewayApiKind.GROUP + "/" + target.get());
    err.println(
        "upgraded: "
            + kind
            + " "
            + o.metadata().name().orElse("")
            + " from "
            + o.apiVersion()
            + " to "
            + upgraded.apiVersion()
            + " (Gateway API "
            + release
            + " "
            + c.name().toLowerCase(Locale.ROOT)
            + ")");
    return upgraded;
  }
}
