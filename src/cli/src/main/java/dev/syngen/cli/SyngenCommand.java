package dev.syngen.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code syngen}: the top-level command and the options every subcommand shares. */
@Command(
    name = "syngen",
    mixinStandardHelpOptions = true,
    versionProvider = SyngenCommand.Version.class,
    description = "Reproducible synthetic data: scenarios in, tables, files and streams out.")
public final class SyngenCommand {
  /**
   * The subcommands by name. Picocli reads a command's annotations when it is added, and reading
   * all of them is most of the command line's start-up, so {@link #main} adds only the one it runs.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("scenario", ScenarioCommand::new);
    SUBCOMMANDS.put("target", TargetCommand::new);
    SUBCOMMANDS.put("run", RunCommand::new);
    SUBCOMMANDS.put("generators", GeneratorsCommand::new);
    SUBCOMMANDS.put("fidelity", FidelityCommand::new);
    SUBCOMMANDS.put("profile", ProfileCommand::new);
    SUBCOMMANDS.put("index-gate", IndexGateCommand::new);
    SUBCOMMANDS.put("llm", LlmCommand::new);
    SUBCOMMANDS.put("corpus", CorpusCommand::new);
  }

  /** Options of this command that take a separate value, to find the subcommand after them. */
  private static final Set<String> VALUED =
      Set.of(
          "--scenarios-dir",
          "--targets-dir",
          "--history-dir",
          "--llm-dir",
          "--llm-cache-dir",
          "--corpora-dir");

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

  @Option(
      names = "--corpora-dir",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:SYNGEN_CORPORA_DIR:-${sys:user.home}/.syngen/corpora}",
      description =
          "Directory of corpora added with `syngen corpus add` (env SYNGEN_CORPORA_DIR; default:"
              + " ${DEFAULT-VALUE}). Runs also find the corpora shipped in <scenarios-dir>/corpora.")
  Path corporaDir;

  /** Where environment variables (API keys, ${VAR} in targets) are read from. */
  final Function<String, String> env;

  public SyngenCommand() {
    this(System::getenv);
  }

  SyngenCommand(Function<String, String> env) {
    this.env = env;
  }

  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /** The configured command line with every subcommand. */
  public static CommandLine commandLine() {
    return commandLine(null, System::getenv);
  }

  /**
   * The configured command line for running {@code args}: with only the subcommand they name, none
   * for {@code --version}, and all of them otherwise (help, a mistyped name).
   */
  public static CommandLine commandLine(String[] args) {
    return commandLine(args, System::getenv);
  }

  /**
   * As {@link #commandLine(String[])}, reading environment variables through {@code env}; tests run
   * commands in-process through it and pass a map.
   */
  static CommandLine commandLine(String[] args, Function<String, String> env) {
    CommandLine cl = new CommandLine(new SyngenCommand(env));
    Optional<String> only = args == null ? Optional.empty() : needed(args);
    for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
      if (only.isEmpty() || only.get().equals(e.getKey())) {
        cl.addSubcommand(e.getKey(), e.getValue().get());
      }
    }
    if (only.isEmpty()) {
      cl.addSubcommand("help", new CommandLine.HelpCommand());
    }
    cl.setExecutionExceptionHandler(new Errors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // `--llm-dir llm llm list`: a directory named like a subcommand is the option's value.
    cl.setAllowSubcommandsAsOptionParameters(true);
    return cl;
  }

  /**
   * The one subcommand {@code args} need: the known name they start with, "" for a bare {@code
   * --version}, empty when all are needed.
   */
  private static Optional<String> needed(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (VALUED.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        return SUBCOMMANDS.containsKey(a) ? Optional.of(a) : Optional.empty();
      }
    }
    return Arrays.asList(args).contains("--version") || Arrays.asList(args).contains("-V")
        ? Optional.of("")
        : Optional.empty();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SyngenCommand.class.getPackage().getImplementationVersion();
      return new String[] {"syngen " + (v == null ? "development build" : v)};
    }
  }
}
