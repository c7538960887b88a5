package dev.gatewaysdk.testing;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded API server with the default options (the Gateway API CRDs installed) per test class,
 * as a JUnit extension: started before the class, closed after it, reached through the official
 * client or raw HTTP.
 *
 * <pre>{@code
 * @RegisterExtension static final ApiServerFixture server = new ApiServerFixture();
 * }</pre>
 */
final class ApiServerFixture implements BeforeAllCallback, AfterAllCallback {
  static final String GROUP = "gateway.networking.k8s.io";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private EmbeddedApiServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = EmbeddedApiServer.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }

  String url() {
    return server.url();
  }

  ApiClient apiClient() {
    return server.apiClient();
  }

  /** A dynamic client for the Gateway API resource {@code plural} at v1. */
  DynamicKubernetesApi gatewayApi(String plural) {
    return new DynamicKubernetesApi(GROUP, "v1", plural, server.apiClient());
  }

  /** A raw request; {@code contentType} and {@code body} may be null. */
  HttpResponse<String> http(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
