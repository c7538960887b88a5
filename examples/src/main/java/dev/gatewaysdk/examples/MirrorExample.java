package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ManifestDocument;
import dev.gatewaysdk.model.ManifestNote;
import dev.gatewaysdk.model.ManifestReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Request mirroring: requests under {@code /api} are answered by {@code production-service} and
 * copied, fire-and-forget, to {@code test-service}.
 *
 * <p>Many guides write this HTTPRoute as {@code gateway.networking.k8s.io/v1alpha2}. No Gateway API
 * release from v1.0.0 on serves HTTPRoute {@code v1alpha2}, so a cluster rejects such a manifest.
 * Reading it through the SDK works and says so ({@link Result#notes()}); {@link
 * HTTPRoute#withApiVersion(String)} re-targets it, and the client sends it as the version the
 * cluster serves.
 *
 * <pre>{@code
 * MirrorExample.Result r = MirrorExample.run(client, "default", "envoy-gateway");
 * r.notes().forEach(System.err::println);
 * }</pre>
 */
public final class MirrorExample {
  /** A mirroring route as older guides write it, with the unserved {@code v1alpha2}. */
  static final String OLD_MANIFEST =
      String.join(
          "\n",
          "apiVersion: gateway.networking.k8s.io/v1alpha2",
          "kind: HTTPRoute",
          "metadata: {name: traffic-mirror}",
          "spec:",
          "  parentRefs: [{name: my-gateway}]",
          "  rules:",
          "  - matches: [{path: {type: PathPrefix, value: /api}}]",
          "    backendRefs: [{name: production-service, port: 8080}]",
          "    filters:",
          "    - type: RequestMirror",
          "      requestMirror: {backendRef: {name: test-service, port: 8080}}",
          "");

  private MirrorExample() {}

  /** The notes the SDK gave on the old manifest, and the route as stored. */
  public record Result(List<String> notes, HTTPRoute route) {}

  /**
   * Reads {@link #OLD_MANIFEST}, re-targets it to {@code v1} and applies it with its Services and
   * {@code my-gateway}.
   */
  public static Result run(GatewayApiClient client, String namespace, String gatewayClassName) {
    ManifestDocument doc =
        ManifestReader.builder()
            .build()
            .readDocuments(new java.io.StringReader(OLD_MANIFEST), "traffic-mirror.yaml")
            .get(0);
    List<String> notes =
        doc.notes().stream().map(ManifestNote::toString).collect(Collectors.toList());
    HTTPRoute old = (HTTPRoute) doc.object();
    HTTPRoute route =
        old.withApiVersion(HTTPRoute.DEFAULT_API_VERSION)
            .withMetadata(old.metadata().withNamespace(namespace));

    GatewayListenersExample.myGateway(client, namespace, gatewayClassName);
    ExampleObjects.services(client, namespace, 8080, "production-service", "test-service");
    return new Result(
        notes, ExampleObjects.apply(TrafficSplitExample.routes(client, namespace), route));
  }
}
