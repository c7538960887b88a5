package dev.gatewaysdk.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gatewaysdk} command line: {@code java -jar examples/target/gatewaysdk.jar <command>}.
 *
 * <p>Subcommands are separate classes, each a picocli {@code @Command} implementing {@code
 * Callable<Integer>} (the exit code); they are registered in {@link #SUBCOMMANDS}, the one place to
 * add one. Commands print results to {@code spec.commandLine().getOut()} and problems to {@code
 * getErr()} so that tests can capture both.
 */
@Command(
    name = "gatewaysdk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description =
        "Kubernetes Gateway API SDK tools: convert and validate manifests, run canaries, show versions.",
    synopsisSubcommandLabel = "COMMAND")
public final class GatewaySdkCli implements Runnable {

  /** Every subcommand, in the order help lists them. Add new commands here. */
  static final List<Supplier<Object>> SUBCOMMANDS =
      List.of(
          VersionCommand::new,
          ConvertCommand::new,
          ValidateCommand::new,
          ServeCommand::new,
          WaitCommand::new,
          DemoCommand::new,
          CanaryCommand::new);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Without a subcommand: print usage and fail, so scripts notice. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** The command line with all subcommands registered, writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new GatewaySdkCli());
    cli.addSubcommand(new CommandLine.HelpCommand());
    for (Supplier<Object> command : SUBCOMMANDS) {
      CommandLine sub = new CommandLine(command.get());
      addHelpOption(sub.getCommandSpec());
      cli.addSubcommand(sub);
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli;
  }

  /**
   * Gives a command {@code -h}/{@code --help} unless it has its own: usage on stdout, exit 0, even
   * when its required parameters are missing (picocli skips validation when usage help is
   * requested).
   */
  private static void addHelpOption(CommandLine.Model.CommandSpec command) {
    if (command.options().stream().noneMatch(CommandLine.Model.OptionSpec::usageHelp)) {
      command.addOption(
          CommandLine.Model.OptionSpec.builder("-h", "--help")
              .usageHelp(true)
              .description("Show this help message and exit.")
              .build());
    }
  }

  /** Runs {@code args} and returns the exit code: 0 success, 1 bad input, 2 usage error. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }
}
