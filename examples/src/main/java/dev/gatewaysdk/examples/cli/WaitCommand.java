package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.core.AwaitTimeoutException;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteConditions;
import dev.gatewaysdk.core.StatusCheck;
import dev.gatewaysdk.model.CommonRouteSpec;
import dev.gatewaysdk.model.GRPCRoute;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ParentReference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatewaysdk wait route NS/NAME --for accepted}: what {@code kubectl wait
 * --for=condition=Accepted} cannot do for routes, whose conditions are per parent ({@code
 * status.parents[].conditions}).
 */
@Command(
    name = "wait",
    description = {
      "Wait until every parent Gateway of a route reports a condition (route conditions are per parent, so",
      "`kubectl wait --for=condition=Accepted httproute/x` never succeeds)."
    })
final class WaitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "KIND",
      description = "route or httproute (HTTPRoute), grpcroute (GRPCRoute).")
  String kind;

  @Parameters(
      index = "1",
      paramLabel = "NS/NAME",
      description = "The route, e.g. default/storefront.")
  String route;

  @Option(
      names = "--for",
      defaultValue = "accepted",
      paramLabel = "CONDITION",
      description = "accepted or resolved-refs (default ${DEFAULT-VALUE}).")
  String condition;

  @Option(
      names = "--parent",
      paramLabel = "[NS/]GATEWAY",
      description =
          "Wait for this parent Gateway only (default: every Gateway in spec.parentRefs).")
  String parent;

  @Option(
      names = "--timeout",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "How long to wait in all (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Kubeconfig (default: $KUBECONFIG, ~/.kube/config, in-cluster).")
  Path kubeconfig;

  @Override
  public Integer call() throws IOException {
    int slash = route.indexOf('/');
    if (slash <= 0 || slash == route.length() - 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "route must be NS/NAME: " + route);
    }
    String ns = route.substring(0, slash);
    String name = route.substring(slash + 1);
    GatewayApiClient client = CliClients.connect(kubeconfig);
    GatewayApiObject object;
    CommonRouteSpec routeSpec;
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "route":
      case "httproute":
      case "httproutes":
        {
          HTTPRoute r = client.httpRoutes().inNamespace(ns).get(name);
          object = r;
          routeSpec = r.spec();
          break;
        }
      case "grpcroute":
      case "grpcroutes":
        {
          GRPCRoute r = client.grpcRoutes().inNamespace(ns).get(name);
          object = r;
          routeSpec = r.spec();
          break;
        }
      default:
        throw new CommandLine.ParameterException(
            spec.commandLine(), "KIND must be route, httproute or grpcroute: " + kind);
    }
    List<String> gateways = new ArrayList<>();
    if (parent != null) {
      gateways.add(parent.contains("/") ? parent : ns + "/" + parent);
    } else {
      for (ParentReference p : routeSpec.parentRefs()) {
        if (p.kind().orElse("Gateway").equals("Gateway")) {
          gateways.add(p.namespace().orElse(ns) + "/" + p.name());
        }
      }
    }
    if (gateways.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("error: " + kind + " " + route + " names no parent Gateway");
      return 1;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long started = System.nanoTime();
    for (String gateway : gateways) {
      StatusCheck check = check(gateway);
      try {
        client
            .await(object)
            .until(check, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      } catch (AwaitTimeoutException e) {
        spec.commandLine()
            .getErr()
            .println(
                "error: "
                    + route
                    + " not "
                    + check.description()
                    + " within "
                    + DurationConverter.format(timeout)
                    + ": "
                    + e.getMessage());
        return 1;
      }
      spec.commandLine()
          .getOut()
          .println(
              kind.toLowerCase(Locale.ROOT)
                  + " "
                  + route
                  + ": "
                  + check.description()
                  + " ("
                  + Duration.ofNanos(System.nanoTime() - started).toMillis()
                  + " ms)");
    }
    return 0;
  }

  private StatusCheck check(String gateway) {
    switch (condition.toLowerCase(Locale.ROOT)) {
      case "accepted":
        return RouteConditions.acceptedBy(gateway);
      case "resolved-refs":
      case "resolvedrefs":
        return RouteConditions.resolvedRefs(gateway);
      default:
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--for must be accepted or resolved-refs: " + condition);
    }
  }
}
