package dev.syngen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the syngen command line in-process with its own directories and captured output. */
final class Cli {
  final Path scenarios;
  final Path targets;
  final Path history;

  final java.util.function.Function<String, String> env;
  final List<String> globals;

  record Result(int exit, String out, String err) {}

  Cli(Path scenarios, Path targets, Path history) {
    this(scenarios, targets, history, System::getenv, List.of());
  }

  /** A command line reading environment variables from {@code env}, with extra global options. */
  Cli(
      Path scenarios,
      Path targets,
      Path history,
      java.util.function.Function<String, String> env,
      List<String> globals) {
    this.scenarios = scenarios;
    this.targets = targets;
    this.history = history;
    this.env = env;
    this.globals = globals;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>();
    all.add("--scenarios-dir=" + scenarios);
    all.add("--targets-dir=" + targets);
    all.add("--history-dir=" + history);
    all.addAll(globals);
    all.addAll(List.of(args));
    var cl = SyngenCommand.commandLine(all.toArray(String[]::new), env); // as main builds it
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }
}
