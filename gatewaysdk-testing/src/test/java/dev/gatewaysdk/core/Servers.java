package dev.gatewaysdk.core;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.internal.CrdRequirement;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import dev.gatewaysdk.testing.EmbeddedApiServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Embedded API servers for the client tests; skipped when the CRD source is not configured. As a
 * JUnit extension, registered once per test class, it starts the latest release ({@code
 * CrdSource.LATEST_RELEASE}, in the channel given) and v1.0.0 standard before the class, a {@link
 * #client} on the latest that counts its {@link #requests}, and closes both after it:
 *
 * <pre>{@code
 * @RegisterExtension static final Servers servers = new Servers(Channel.EXPERIMENTAL);
 * }</pre>
 */
final class Servers implements BeforeAllCallback, AfterAllCallback {
  private final Channel channel;

  /** Requests {@link #client} has sent. */
  final AtomicInteger requests = new AtomicInteger();

  EmbeddedApiServer latest;
  EmbeddedApiServer old;
  GatewayApiClient client;

  Servers(Channel channel) {
    this.channel = channel;
  }

  static EmbeddedApiServer start(String release, Channel channel) {
    Optional<Path> dir = dev.gatewaysdk.model.CrdSource.fromEnvironment().directory();
    String reason = "Gateway API CRDs " + release + " not configured (set GATEWAYSDK_CRDS)";
    Assumptions.assumeTrue(
        CrdRequirement.available(
            dir.isPresent()
                && Files.isRegularFile(
                    dir.get().resolve(release).resolve(channel.id() + "-install.yaml")),
            reason),
        reason);
    return EmbeddedApiServer.start(
        EmbeddedApiServerOptions.builder().release(release).channel(channel).build());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    latest = start(CrdSource.LATEST_RELEASE, channel);
    old = start("v1.0.0", Channel.STANDARD);
    var api = latest.apiClient();
    api.setHttpClient(
        api.getHttpClient()
            .newBuilder()
            .addInterceptor(
                chain -> {
                  requests.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build());
    client = GatewayApiClient.create(api);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (latest != null) {
      latest.close();
    }
    if (old != null) {
      old.close();
    }
  }
}
