package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.ListOptions;
import dev.gatewaysdk.model.Gateway;
import java.util.ArrayList;
import java.util.List;

/**
 * Listing Gateways: in one namespace, or in all namespaces at once. The client pages through large
 * lists by itself and returns typed objects.
 *
 * <pre>{@code
 * GatewayApiClient client = GatewayApiClient.fromDefaultConfig();
 * ListGatewaysExample.run(client, "default").forEach(System.out::println);
 * }</pre>
 */
public final class ListGatewaysExample {
  private ListGatewaysExample() {}

  /**
   * {@code Found 2 gateways} and a line {@code - name (Class: class)} per Gateway of {@code
   * namespace}.
   */
  public static List<String> run(GatewayApiClient client, String namespace) {
    List<Gateway> gateways = client.gateways().inNamespace(namespace).list();
    List<String> lines = new ArrayList<>();
    lines.add("Found " + gateways.size() + " gateways");
    for (Gateway gw : gateways) {
      lines.add(
          "- "
              + gw.metadata().name().orElse("")
              + " (Class: "
              + gw.spec().gatewayClassName()
              + ")");
    }
    return lines;
  }

  /** Every Gateway the client may see, as {@code namespace/name}. */
  public static List<String> allNamespaces(GatewayApiClient client) {
    List<String> names = new ArrayList<>();
    for (Gateway gw : client.gateways().list(ListOptions.defaults())) {
      names.add(gw.metadata().namespace().orElse("") + "/" + gw.metadata().name().orElse(""));
    }
    return names;
  }
}
