package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.model.HTTPRoute;
import java.util.List;

/**
 * Redirects answered by the Gateway itself, without a backend: every request to HTTPS ({@code 301},
 * scheme {@code https}), and {@code /old-api...} to {@code /new-api} ({@code ReplaceFullPath},
 * 301).
 *
 * <pre>{@code
 * List<HTTPRoute> routes = RedirectExample.run(client, "default", "envoy-gateway");
 * }</pre>
 */
public final class RedirectExample {
  private RedirectExample() {}

  /** Applies {@code my-gateway} and HTTPRoutes {@code http-to-https} and {@code path-redirect}. */
  public static List<HTTPRoute> run(
      GatewayApiClient client, String namespace, String gatewayClassName) {
    GatewayListenersExample.myGateway(client, namespace, gatewayClassName);
    HTTPRoute toHttps =
        HTTPRoute.builder()
            .name("http-to-https")
            .namespace(namespace)
            .parentRef(GatewayListenersExample.MY_GATEWAY)
            .rule(r -> r.pathPrefix("/").redirectToHttps())
            .build();
    HTTPRoute pathRedirect =
        HTTPRoute.builder()
            .name("path-redirect")
            .namespace(namespace)
            .parentRef(GatewayListenersExample.MY_GATEWAY)
            .rule(
                r ->
                    r.pathPrefix("/old-api")
                        .redirect(f -> f.replaceFullPath("/new-api").statusCode(301)))
            .build();
    return List.of(
        ExampleObjects.apply(TrafficSplitExample.routes(client, namespace), toHttps),
        ExampleObjects.apply(TrafficSplitExample.routes(client, namespace), pathRedirect));
  }
}
