package dev.syngen.cli;

import java.nio.file.Path;
import java.util.function.Function;
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
      LlmCommand.class,
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

  @Option(
      names = "--llm-dir",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:SYNGEN_LLM_DIR:-llm/}",
      description =
          "Directory of LLM provider profiles (env SYNGEN_LLM_DIR; default: ${DEFAULT-VALUE}).")
  Path llmDir;

  @Option(
      names = "--llm-cache-dir",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:SYNGEN_LLM_CACHE_DIR:-${sys:user.home}/.syngen/llm-cache}",
      description =
          "Directory of cached LLM answers (env SYNGEN_LLM_CACHE_DIR; default: ${DEFAULT-VALUE}).")
  Path llmCacheDir;

  /** Where environment variables (API keys, ${VAR} in targets) are read from. */
  final Function<String, String> env;

  public SyngenCommand() {
    this(System::getenv);
  }

  SyngenCommand(Function<String, String> env) {
    this.env = env;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    return commandLine(System::getenv);
  }

  /** The command line reading environment variables through {@code env} (tests pass a map). */
  static CommandLine commandLine(Function<String, String> env) {
    CommandLine cl = new CommandLine(new SyngenCommand(env));
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
