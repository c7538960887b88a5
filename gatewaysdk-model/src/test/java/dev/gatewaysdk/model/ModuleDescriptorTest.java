package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled module-info: only the API package is open to everyone, internals to the SDK's own
 * modules.
 */
class ModuleDescriptorTest {
  private static ModuleDescriptor descriptor() throws IOException {
    Path classes =
        Path.of(Manifests.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void onlyTheApiPackageIsExportedToEveryone() throws IOException {
    ModuleDescriptor d = descriptor();
    assertThat(d.name()).isEqualTo("dev.gatewaysdk.model");
    Set<String> everyone =
        d.exports().stream()
            .filter(e -> !e.isQualified())
            .map(Exports::source)
            .collect(Collectors.toSet());
    assertThat(everyone).containsExactly("dev.gatewaysdk.model");
    Map<String, Set<String>> qualified =
        d.exports().stream()
            .filter(Exports::isQualified)
            .collect(Collectors.toMap(Exports::source, Exports::targets));
    assertThat(qualified.keySet()).allMatch(p -> p.contains(".internal"));
    assertThat(qualified.values())
        .allMatch(targets -> targets.stream().allMatch(t -> t.startsWith("dev.gatewaysdk.")));
  }

  @Test
  void everyPackageOfTheModuleIsDeclared() throws IOException {
    ModuleDescriptor d = descriptor();
    Set<String> exported = d.exports().stream().map(Exports::source).collect(Collectors.toSet());
    assertThat(d.packages())
        .as("a package nobody can reach is dead code or a forgotten export")
        .allMatch(p -> exported.contains(p));
    assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name))
        .as("the model stays free of the Kubernetes client")
        .noneMatch(n -> n.startsWith("io.kubernetes"));
  }
}
