package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.model.ManifestDocument;
import dev.gatewaysdk.model.ManifestException;
import dev.gatewaysdk.model.ManifestNote;
import dev.gatewaysdk.model.ManifestReader;
import dev.gatewaysdk.model.Manifests;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatewaysdk convert FILE... [--to yaml|json]}: reads manifests through the model and writes them
 * normalized to standard output; notes (such as unserved API versions) go to standard error.
 */
@Command(
    name = "convert",
    description = "Read YAML/JSON manifests through the SDK model and print them normalized.")
final class ConvertCommand implements Callable<Integer> {
  enum Format { yaml, json }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Manifest files; - reads standard input.")
  List<String> files;

  @Option(names = "--to", defaultValue = "yaml", description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format to;

  @Option(names = "--strict", description = "Fail on notes such as API versions no Gateway API release serves.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ManifestReader reader = ManifestReader.builder().strict(strict).build();
    List<Object> objects = new ArrayList<>();
    try {
      for (String file : files) {
        List<ManifestDocument> docs = file.equals("-")
            ? reader.readDocuments(new InputStreamReader(System.in, StandardCharsets.UTF_8), "<stdin>")
            : reader.readDocuments(Path.of(file));
        for (ManifestDocument doc : docs) {
          for (ManifestNote note : doc.notes()) {
            err.println("note: " + note);
          }
          objects.add(doc.object());
        }
      }
    } catch (ManifestException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    if (objects.isEmpty()) {
      return 0;
    }
    if (to == Format.json) {
      out.print(objects.size() == 1 ? Manifests.toJson(objects.get(0)) : Manifests.toJson(objects));
    } else {
      out.print(Manifests.toYaml(objects));
    }
    out.flush();
    return 0;
  }
}
