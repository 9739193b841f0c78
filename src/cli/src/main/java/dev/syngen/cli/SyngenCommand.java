package dev.syngen.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code syngen}: the top-level command and the options every subcommand shares. */
@Command(
    name = "syngen",
    mixinStandardHelpOptions = true,
    versionProvider = SyngenCommand.Version.class,
    description = "Reproducible synthetic data: scenarios in, tables, files and streams out.",
    subcommands = {
      ScenarioCommand.class,
      TargetCommand.class,
      RunCommand.class,
      GeneratorsCommand.class,
      FidelityCommand.class,
      ProfileCommand.class,
      IndexGateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SyngenCommand {
  /** Exit code for invalid input (scenario, target, flags). */
  public static final int EXIT_INVALID = 2;

  /** Exit code for a run or connection that failed. */
  public static final int EXIT_FAILED = 1;

  @Option(
      names = "--scenarios-dir",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:SYNGEN_SCENARIOS_DIR:-scenarios}",
      description =
          "Directory of scenario files (env SYNGEN_SCENARIOS_DIR; default: ${DEFAULT-VALUE}).")
  Path scenariosDir;

  @Option(
      names = "--targets-dir",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:SYNGEN_TARGETS_DIR:-targets}",
      description =
          "Directory of target profiles (env SYNGEN_TARGETS_DIR; default: ${DEFAULT-VALUE}).")
  Path targetsDir;

  @Option(
      names = "--history-dir",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:SYNGEN_HISTORY_DIR:-${sys:user.home}/.syngen/runs}",
      description = "Directory of run records (env SYNGEN_HISTORY_DIR; default: ${DEFAULT-VALUE}).")
  Path historyDir;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SyngenCommand());
    cl.setExecutionExceptionHandler(new Errors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SyngenCommand.class.getPackage().getImplementationVersion();
      return new String[] {"syngen " + (v == null ? "development build" : v)};
    }
  }
}
