package dev.syngen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * {@code syngen}: the top-level command and the options every subcommand shares. It is declared
 * with picocli's programmatic API, as {@link Specs} says why.
 */
public final class SyngenCommand {
  /**
   * The subcommands by name, each made for the words the arguments name ({@code run start}: "run",
   * "start"). Picocli reads a command's annotations when it is added, and reading all of them is
   * most of the command line's start-up, so {@link #main} adds only the one it runs.
   */
  private static final Map<String, BiFunction<SyngenCommand, List<String>, Object>> SUBCOMMANDS =
      new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("scenario", (root, words) -> new ScenarioCommand());
    SUBCOMMANDS.put("target", (root, words) -> new TargetCommand());
    SUBCOMMANDS.put("run", RunCommand::spec);
    SUBCOMMANDS.put("generators", (root, words) -> new GeneratorsCommand());
    SUBCOMMANDS.put("fidelity", (root, words) -> new FidelityCommand());
    SUBCOMMANDS.put("profile", (root, words) -> new ProfileCommand());
    SUBCOMMANDS.put("index-gate", (root, words) -> new IndexGateCommand());
    SUBCOMMANDS.put("llm", (root, words) -> new LlmCommand());
    SUBCOMMANDS.put("corpus", (root, words) -> new CorpusCommand());
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

  Path scenariosDir;
  Path targetsDir;
  Path historyDir;
  Path llmDir;
  Path llmCacheDir;
  Path corporaDir;

  /** Where environment variables (API keys, ${VAR} in targets) are read from. */
  final Function<String, String> env;

  public SyngenCommand() {
    this(System::getenv);
  }

  SyngenCommand(Function<String, String> env) {
    this.env = env;
  }

  /** This command with its options; every subcommand inherits them. */
  private CommandSpec spec() {
    CommandSpec spec =
        Specs.command(
            this,
            "syngen",
            "Reproducible synthetic data: scenarios in, tables, files and streams out.");
    spec.addOption(
        directory(
            "--scenarios-dir",
            "${env:SYNGEN_SCENARIOS_DIR:-scenarios}",
            "Directory of scenario files (env SYNGEN_SCENARIOS_DIR; default: ${DEFAULT-VALUE}).",
            () -> scenariosDir,
            v -> scenariosDir = (Path) v));
    spec.addOption(
        directory(
            "--targets-dir",
            "${env:SYNGEN_TARGETS_DIR:-targets}",
            "Directory of target profiles (env SYNGEN_TARGETS_DIR; default: ${DEFAULT-VALUE}).",
            () -> targetsDir,
            v -> targetsDir = (Path) v));
    spec.addOption(
        directory(
            "--history-dir",
            "${env:SYNGEN_HISTORY_DIR:-${sys:user.home}/.syngen/runs}",
            "Directory of run records (env SYNGEN_HISTORY_DIR; default: ${DEFAULT-VALUE}).",
            () -> historyDir,
            v -> historyDir = (Path) v));
    spec.addOption(
        directory(
            "--llm-dir",
            "${env:SYNGEN_LLM_DIR:-llm/}",
            "Directory of LLM provider profiles (env SYNGEN_LLM_DIR; default: ${DEFAULT-VALUE}).",
            () -> llmDir,
            v -> llmDir = (Path) v));
    spec.addOption(
        directory(
            "--llm-cache-dir",
            "${env:SYNGEN_LLM_CACHE_DIR:-${sys:user.home}/.syngen/llm-cache}",
            "Directory of cached LLM answers (env SYNGEN_LLM_CACHE_DIR; default: ${DEFAULT-VALUE}).",
            () -> llmCacheDir,
            v -> llmCacheDir = (Path) v));
    spec.addOption(
        directory(
            "--corpora-dir",
            "${env:SYNGEN_CORPORA_DIR:-${sys:user.home}/.syngen/corpora}",
            "Directory of corpora added with `syngen corpus add` (env SYNGEN_CORPORA_DIR; default:"
                + " ${DEFAULT-VALUE}). Runs also find the corpora shipped in <scenarios-dir>/corpora.",
            () -> corporaDir,
            v -> corporaDir = (Path) v));
    return spec;
  }

  private static OptionSpec directory(
      String name,
      String defaultValue,
      String description,
      Supplier<Path> get,
      Consumer<Object> set) {
    return Specs.option(name, Path.class, get, set)
        .scopeType(ScopeType.INHERIT)
        .paramLabel("DIR")
        .defaultValue(defaultValue)
        .description(description)
        .build();
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
    SyngenCommand root = new SyngenCommand(env);
    CommandLine cl = new CommandLine(root.spec());
    List<String> words = args == null ? List.of() : words(args);
    boolean all = words.isEmpty() || !SUBCOMMANDS.containsKey(words.get(0));
    boolean none = all && args != null && versionOnly(args);
    for (Map.Entry<String, BiFunction<SyngenCommand, List<String>, Object>> e :
        SUBCOMMANDS.entrySet()) {
      if (!none && (all || words.get(0).equals(e.getKey()))) {
        cl.addSubcommand(e.getKey(), e.getValue().apply(root, all ? List.of() : words));
      }
    }
    if (all && !none) {
      cl.addSubcommand("help", new CommandLine.HelpCommand());
    }
    // every command answers --help, as picocli's standard options do where a command asks for them
    standardHelp(cl);
    cl.setExecutionExceptionHandler(new Errors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // `--llm-dir llm llm list`: a directory named like a subcommand is the option's value.
    cl.setAllowSubcommandsAsOptionParameters(true);
    return cl;
  }

  private static void standardHelp(CommandLine cl) {
    Specs.standardHelp(cl.getCommandSpec());
    cl.getSubcommands().values().stream().distinct().forEach(SyngenCommand::standardHelp);
  }

  /**
   * The words of {@code args} that name subcommands, in order: those that are neither options nor
   * the values of this command's options ({@code run start} of {@code --history-dir h run start
   * --scenario s}, and a scenario's id among them too; only the first two matter).
   */
  private static List<String> words(String[] args) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length && words.size() < 2; i++) {
      String a = args[i];
      if (VALUED.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        words.add(a);
      }
    }
    return words;
  }

  /** A bare {@code --version}, which needs no subcommand. */
  private static boolean versionOnly(String[] args) {
    return Arrays.asList(args).contains("--version") || Arrays.asList(args).contains("-V");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SyngenCommand.class.getPackage().getImplementationVersion();
      return new String[] {"syngen " + (v == null ? "development build" : v)};
    }
  }
}
