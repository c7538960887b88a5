package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.testing.EmbeddedApiServer;
import dev.gatewaysdk.testing.EmbeddedApiServerOptions;
import dev.gatewaysdk.testing.SimulatedGatewayController;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatewaysdk serve}: runs the embedded Kubernetes API server with the Gateway API CRDs until
 * interrupted, and writes a kubeconfig for kubectl and clients.
 *
 * <pre>
 * gatewaysdk serve --port 6443 --kubeconfig gatewaysdk.kubeconfig --state cluster.json   # --controller none: no status
 * KUBECONFIG=gatewaysdk.kubeconfig kubectl apply -f gateway.yaml
 * </pre>
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run an embedded Kubernetes API server with the Gateway API CRDs (for kubectl, clients, tests) until interrupted.")
public final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "TCP port on 127.0.0.1 (0: a free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--kubeconfig",
      defaultValue = "gatewaysdk.kubeconfig",
      description = "Where to write the kubeconfig. Default: ${DEFAULT-VALUE}.")
  Path kubeconfig;

  @Option(
      names = "--release",
      defaultValue = CrdSource.LATEST_RELEASE,
      description = "Gateway API release whose CRDs are installed. Default: ${DEFAULT-VALUE}.")
  String release;

  @Option(
      names = "--channel",
      defaultValue = "standard",
      description = "Release channel: standard or experimental. Default: ${DEFAULT-VALUE}.")
  String channel;

  @Option(
      names = "--state",
      description =
          "Keep objects in this file (and FILE.log) across restarts; a write is "
              + "answered once it is on disk.")
  Path state;

  @Option(
      names = "--tls",
      description =
          "Serve HTTPS with a certificate from a CA generated per run; the kubeconfig "
              + "carries the CA.")
  boolean tls;

  @Option(
      names = "--users",
      paramLabel = "FILE",
      description =
          "Bearer-token users in kube-apiserver's token file format "
              + "(token,user,uid,\"group1,group2\" per line): requests are authenticated and authorized by RBAC, served over "
              + "HTTPS, and the kubeconfig acts as an administrator. Without it every request is allowed.")
  Path users;

  @Option(
      names = "--controller",
      defaultValue = "simulated",
      description =
          "Gateway controller writing status for GatewayClasses with controllerName "
              + SimulatedGatewayController.DEFAULT_CONTROLLER_NAME
              + ": simulated or none. Default: ${DEFAULT-VALUE}.")
  String controller;

  @Option(
      names = "--port-offset",
      defaultValue = "0",
      description =
          "Bind every Gateway listener on its port plus this offset (for ports below 1024 without the "
              + "privilege); the bound port is printed and in the listener's Programmed condition. Default: ${DEFAULT-VALUE}.")
  int portOffset;

  /** Counted down to stop serving: by the shutdown hook (Ctrl+C) or by tests. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    EmbeddedApiServerOptions.Builder options =
        EmbeddedApiServerOptions.builder()
            .port(port)
            .release(release)
            .channel(Channel.parse(channel));
    if (state != null) {
      options.stateFile(state);
    }
    options.tls(tls);
    if (users != null) {
      try {
        options.usersFile(users);
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--users: " + e.getMessage());
      }
    }
    if (!"simulated".equals(controller) && !"none".equals(controller)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--controller must be simulated or none: " + controller);
    }
    EmbeddedApiServer server = EmbeddedApiServer.start(options.build());
    SimulatedGatewayController simulated = null;
    Thread hook = new Thread(stop::countDown, "gatewaysdk-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Path parent = kubeconfig.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(kubeconfig, server.kubeconfig());
      if ("simulated".equals(controller)) {
        simulated =
            SimulatedGatewayController.builder()
                .portOffset(portOffset)
                .onGatewayProgrammed(
                    g -> {
                      StringBuilder urls = new StringBuilder();
                      g.listeners()
                          .keySet()
                          .forEach(l -> urls.append(' ').append(l).append('=').append(g.url(l)));
                      out.println(
                          "Gateway "
                              + g.namespace()
                              + "/"
                              + g.name()
                              + " programmed at "
                              + g.address()
                              + ":"
                              + urls);
                      out.flush();
                    })
                .start(server.apiClient());
      }
      out.println(
          "Kubernetes API server with Gateway API "
              + release
              + " ("
              + Channel.parse(channel).id()
              + " channel) listening on "
              + server.url());
      out.println(
          "kubeconfig written to "
              + kubeconfig.toAbsolutePath()
              + (tls || users != null ? " (with the generated CA)" : ""));
      out.println(
          users != null
              ? "authentication: "
                  + Counts.of(server.options().users().size(), "user")
                  + " from "
                  + users
                  + ", RBAC authorization; the kubeconfig acts as an administrator (system:masters)"
              : "open: no authentication, every request is allowed (--users FILE turns on tokens and RBAC)");
      if (state != null) {
        out.println("objects are kept in " + state.toAbsolutePath());
      }
      if (simulated != null) {
        out.println(
            "simulated Gateway controller writes status for GatewayClasses with controllerName "
                + simulated.controllerName()
                + "; its Gateways listen on loopback, metrics at "
                + simulated.metricsUrl().map(Object::toString).orElse("-"));
      }
      out.println();
      out.println("Use it with kubectl:");
      out.println("  export KUBECONFIG=" + kubeconfig.toAbsolutePath());
      out.println("  kubectl get crds");
      out.println("  kubectl apply -f gateway.yaml");
      out.println("  kubectl get gateways,httproutes -A");
      out.println();
      out.println("Press Ctrl+C to stop.");
      out.flush();
      stop.await();
      return 0;
    } finally {
      if (simulated != null) {
        simulated.close();
      }
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting; nothing to remove
      }
      out.println("stopped");
      out.flush();
    }
  }
}
