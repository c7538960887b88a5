package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.ServedVersions;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatewaysdk version}: the SDK version and the Gateway API releases it targets. */
@Command(
    name = "version",
    description = "Print the SDK version and the targeted Gateway API release.")
final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : lines()) {
      spec.commandLine().getOut().println(line);
    }
    return 0;
  }

  static List<String> lines() {
    List<String> releases = ServedVersions.releases();
    return List.of(
        "gatewaysdk " + sdkVersion(),
        "Gateway API "
            + CrdSource.LATEST_RELEASE
            + " (reads and explains "
            + releases.get(0)
            + ".."
            + releases.get(releases.size() - 1)
            + ", standard and experimental channels)");
  }

  /** The SDK version, filtered into {@code gatewaysdk.properties} by the build. */
  static String sdkVersion() {
    Properties p = new Properties();
    try (InputStream in = VersionCommand.class.getResourceAsStream("gatewaysdk.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": a missing version must not break the CLI
    }
    return p.getProperty("version", "unknown");
  }

  /** Feeds {@code gatewaysdk --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines().toArray(new String[0]);
    }
  }
}
