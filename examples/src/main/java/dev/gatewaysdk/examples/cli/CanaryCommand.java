package dev.gatewaysdk.examples.cli;

import dev.gatewaysdk.canary.AnalysisCheck;
import dev.gatewaysdk.canary.Canary;
import dev.gatewaysdk.canary.CanaryListener;
import dev.gatewaysdk.canary.CanaryPlan;
import dev.gatewaysdk.canary.CanaryStatus;
import dev.gatewaysdk.canary.InvalidPlanException;
import dev.gatewaysdk.canary.LeaderElection;
import dev.gatewaysdk.canary.PrometheusProvider;
import dev.gatewaysdk.canary.ProviderAuth;
import dev.gatewaysdk.canary.Step;
import dev.gatewaysdk.canary.WebhookNotifier;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.RouteRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatewaysdk canary --route ns/name --stable a --canary b --steps 5,10,25,50,100 --interval
 * 30s}: runs a progressive canary on the routes with a live progress line. Exit 0 when promoted, 3
 * when rolled back, 4 when aborted, 1 on errors (bad plan, unreachable cluster), each with a
 * one-line reason.
 */
@Command(
    name = "canary",
    description = {
      "Run a progressive canary: shift weight step by step, check metrics, promote or roll back.",
      "Exit codes: 0 promoted, 3 rolled back, 4 aborted, 1 error, 2 usage."
    })
final class CanaryCommand implements Callable<Integer> {
  static final int ROLLED_BACK = 3;
  static final int ABORTED = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--route",
      paramLabel = "[KIND/]NS/NAME",
      description = "Route to move (repeat for lockstep; the first keeps the state).")
  List<String> routes;

  @Option(names = "--stable", description = "Stable backend name.")
  String stable;

  @Option(names = "--canary", description = "Canary backend name.")
  String canary;

  @Option(
      names = "--steps",
      split = ",",
      paramLabel = "W",
      description = "Canary weights, e.g. 5,10,25,50,100.")
  List<Integer> steps;

  @Option(
      names = "--interval",
      defaultValue = "30s",
      description =
          "Hold each weight this long; with --prometheus the query then judges it, every interval until it passes (default ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      description = "Prometheus server for the check after each weight.")
  URI prometheus;

  @Option(
      names = "--prometheus-token-file",
      paramLabel = "FILE",
      description =
          "Bearer token for --prometheus, read from FILE on every query (a rotated token is picked up).")
  java.nio.file.Path prometheusTokenFile;

  @Option(
      names = "--prometheus-token-env",
      paramLabel = "VAR",
      description =
          "Bearer token for --prometheus from environment variable VAR. Tokens are never printed.")
  String prometheusTokenEnv;

  @Option(
      names = "--notify",
      paramLabel = "URL",
      description =
          "Chat webhook that hears each step, pause, promotion, rollback and API outage (Slack-compatible JSON).")
  URI notify;

  @Option(
      names = "--notify-format",
      defaultValue = "slack",
      paramLabel = "FORMAT",
      description =
          "Payload for --notify: slack (also Mattermost, Rocket.Chat) or teams (default ${DEFAULT-VALUE}).")
  String notifyFormat;

  @Option(
      names = "--query",
      description =
          "PromQL query; {{canary}}, {{stable}}, {{interval}}, {{namespace}} are replaced.")
  String query;

  @Option(names = "--min", description = "Lowest accepted query value.")
  Double min;

  @Option(names = "--max", description = "Highest accepted query value.")
  Double max;

  @Option(
      names = "--unit",
      defaultValue = "none",
      paramLabel = "UNIT",
      description =
          "What the query measures, for reading its values: none, ratio (0.05 reads 5%%), percent, seconds (0.8 reads 800 ms), milliseconds or per-second (default ${DEFAULT-VALUE}).")
  String unit;

  @Option(
      names = "--failure-limit",
      defaultValue = "0",
      description = "Failed measurements tolerated per step (default ${DEFAULT-VALUE}).")
  int failureLimit;

  @Option(
      names = "--background",
      description = {
        "With --prometheus: check the query every --interval in the background from the"
            + " first weight until promotion (failures counted over the whole rollout), holding each weight for --interval,"
            + " instead of an analysis step after each weight."
      })
  boolean background;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description = "Plan file (YAML/JSON) instead of --route/--stable/--canary/--steps.")
  Path plan;

  @Option(
      names = "--dry-run",
      description = "Print the plan and every change it would make; change nothing.")
  boolean dryRun;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Kubeconfig (default: $KUBECONFIG, ~/.kube/config, in-cluster).")
  Path kubeconfig;

  @Option(
      names = "--lease",
      paramLabel = "NS/NAME",
      description = "Run under a coordination.k8s.io Lease (several replicas).")
  String lease;

  @Option(
      names = "--no-verify",
      description =
          "Do not wait for Accepted/ResolvedRefs (clusters without a Gateway controller).")
  boolean noVerify;

  @Option(
      names = "--release",
      paramLabel = "ID",
      description = {
        "Release this rollout ships (image tag, commit; overrides"
            + " the plan file's release). A new release starts a new rollout, also after a finished one or mid-rollout;"
            + " the same release does not run twice."
      })
  String release;

  @Option(
      names = "--poll",
      defaultValue = "5s",
      description =
          "Longest wait between two reads of the routes; a change of the route (Gateway status, command, edit) ends a wait at once through a watch (default ${DEFAULT-VALUE}).")
  String poll;

  @Option(
      names = "--command",
      paramLabel = "CMD",
      description = {
        "Send a command to the rollout on the plan's route and"
            + " exit: promote, 'promote --full' (skip the remaining steps), pause, resume, abort[: reason], retry (start a"
            + " rolled-back or aborted rollout again)."
      })
  String command;

  private ProviderAuth prometheusAuth() {
    if (prometheusTokenFile != null) {
      return ProviderAuth.bearerTokenFromFile(prometheusTokenFile);
    }
    return prometheusTokenEnv == null
        ? ProviderAuth.NONE
        : ProviderAuth.bearerTokenFromEnv(prometheusTokenEnv);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CanaryPlan p;
    try {
      p = plan();
    } catch (InvalidPlanException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    Canary.Builder builder =
        Canary.builder(client(), p).verifyRoutes(!noVerify).pollInterval(duration(poll, "--poll"));
    if (prometheus != null) {
      builder.provider(
          "prometheus", PrometheusProvider.create(prometheus).withAuth(prometheusAuth()));
    }
    String[] last = {""};
    builder.listener(
        new CanaryListener() {
          @Override
          public void statusChanged(CanaryStatus status) {
            String line = status.toString();
            if (!line.equals(last[0])) {
              out.println(line);
              out.flush();
              last[0] = line;
            }
          }
        });
    WebhookNotifier notifier = null;
    if (notify != null && command == null && !dryRun) {
      String f = notifyFormat.trim().toLowerCase(java.util.Locale.ROOT);
      if (!f.equals("slack") && !f.equals("teams")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--notify-format must be slack or teams: " + notifyFormat);
      }
      try {
        notifier =
            WebhookNotifier.create(
                notify,
                f.equals("slack") ? WebhookNotifier.Format.SLACK : WebhookNotifier.Format.TEAMS,
                p.primaryRoute().toString(),
                ProviderAuth.NONE);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--notify: " + e.getMessage());
      }
      builder.listener(notifier);
    }
    Canary c = builder.build();
    try {
      if (command != null) {
        send(c, command.trim());
        out.println("sent " + command.trim() + " to " + p.primaryRoute());
        return 0;
      }
      if (dryRun) {
        out.println(c.dryRun());
        return 0;
      }
      CanaryStatus end;
      if (lease != null) {
        String[] parts = lease.split("/", 2);
        if (parts.length != 2) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--lease must be NS/NAME: " + lease);
        }
        end = c.runWithLeaderElection(LeaderElection.of(parts[0], parts[1], identity()));
      } else {
        end = c.run();
      }
      switch (end.phase()) {
        case PROMOTED:
          out.println(
              "promoted: "
                  + p.canary()
                  + " serves "
                  + p.primaryRoute()
                  + (end.reason().isEmpty() ? "" : " (" + end.reason() + ")"));
          return 0;
        case ABORTED:
          err.println("aborted: " + end.reason());
          return ABORTED;
        default:
          err.println("rolled back: " + end.reason());
          return ROLLED_BACK;
      }
    } catch (InvalidPlanException | IllegalStateException | GatewayApiException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } finally {
      if (notifier != null) {
        notifier.close();
      }
      out.flush();
      err.flush();
    }
  }

  private void send(Canary c, String command) {
    String verb = command.split(":", 2)[0].trim().replaceAll("\\s+", " ");
    switch (verb) {
      case "promote":
        c.promote();
        break;
      case "promote --full":
        c.promoteFull();
        break;
      case "pause":
        c.pause();
        break;
      case "resume":
        c.resume();
        break;
      case "abort":
        c.abort(command.contains(":") ? command.substring(command.indexOf(':') + 1).trim() : null);
        break;
      case "retry":
        c.retry();
        break;
      default:
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--command: unknown command "
                + command
                + " (promote, 'promote --full', pause, resume, abort[: reason], retry)");
    }
  }

  private CanaryPlan plan() {
    if (plan != null) {
      if (routes != null || steps != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--plan replaces --route and --steps; give one or the other");
      }
      CanaryPlan read = CanaryPlan.read(plan);
      return release == null ? read : read.newBuilder().release(release).build();
    }
    if (routes == null || stable == null || canary == null || steps == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "need --plan FILE, or --route, --stable, --canary and --steps");
    }
    if ((prometheusTokenFile != null || prometheusTokenEnv != null) && prometheus == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--prometheus-token-file and --prometheus-token-env need --prometheus");
    }
    if (prometheusTokenFile != null && prometheusTokenEnv != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--prometheus-token-file or --prometheus-token-env, not both");
    }
    if ((prometheus == null) != (query == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--prometheus and --query go together");
    }
    if (background && prometheus == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--background needs --prometheus and --query");
    }
    Duration every = duration(interval, "--interval");
    CanaryPlan.Builder b = CanaryPlan.builder().stable(stable).canary(canary);
    if (release != null) {
      b.release(release);
    }
    for (String r : routes) {
      try {
        b.route(RouteRef.parse(r));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--route: " + e.getMessage());
      }
    }
    AnalysisCheck check = null;
    if (prometheus != null) {
      AnalysisCheck.Builder c =
          AnalysisCheck.builder("query", "prometheus")
              .query(query)
              .interval(every)
              .failureLimit(failureLimit);
      try {
        c.unit(AnalysisCheck.Unit.parse(unit));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--unit: " + e.getMessage());
      }
      if (min != null) {
        c.min(min);
      }
      if (max != null) {
        c.max(max);
      }
      check = c.build();
    }
    if (background) {
      b.backgroundAnalysis(check);
    }
    for (int i = 0; i < steps.size(); i++) {
      b.step(Step.setWeight(steps.get(i)));
      if (i == steps.size() - 1 && steps.get(i) == 100) {
        break;
      }
      b.step(check != null && !background ? Step.analysis(check) : Step.pause(every));
    }
    return b.build();
  }

  private Duration duration(String text, String option) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text.trim());
    if (!m.matches()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": not a duration (250ms, 30s, 5m, 1h): " + text);
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis(n);
      case "s":
        return Duration.ofSeconds(n);
      case "m":
        return Duration.ofMinutes(n);
      default:
        return Duration.ofHours(n);
    }
  }

  private GatewayApiClient client() throws IOException {
    return CliClients.connect(kubeconfig);
  }

  private static String identity() {
    String host = System.getenv("HOSTNAME");
    return (host == null || host.isBlank() ? "gatewaysdk" : host)
        + "-"
        + ProcessHandle.current().pid();
  }
}
