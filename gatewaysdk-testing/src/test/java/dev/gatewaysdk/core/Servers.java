package dev.gatewaysdk.core;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import dev.gatewaysdk.testing.EmbeddedApiServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Embedded API servers for the client tests; skipped when the CRD source is not configured. */
final class Servers {
  private Servers() {}

  static EmbeddedApiServer start(String release, Channel channel) {
    Optional<Path> dir = dev.gatewaysdk.model.CrdSource.fromEnvironment().directory();
    Assumptions.assumeTrue(
        dir.isPresent() && Files.isRegularFile(dir.get().resolve(release).resolve(channel.id() + "-install.yaml")),
        "Gateway API CRDs " + release + " not configured (set GATEWAYSDK_CRDS)");
    return EmbeddedApiServer.start(EmbeddedApiServerOptions.builder().release(release).channel(channel).build());
  }
}
