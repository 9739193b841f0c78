package dev.syngen.bench;

import dev.syngen.cli.Errors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code syngen-bench}: the benchmark commands, in their own jar so that neither the command line
 * nor the server ships them (docs/benchmarks.md).
 */
@Command(
    name = "syngen-bench",
    mixinStandardHelpOptions = true,
    description = "Measure syngen on this machine: throughput, memory, a running server, realism.",
    subcommands = {
      BenchCommand.class,
      ServerBenchCommand.class,
      RealismBenchCommand.class,
      CorpusBenchCommand.class,
      MergeBenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SyngenBench {
  private SyngenBench() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured benchmark command line, also used by tests to run it in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SyngenBench());
    cl.setExecutionExceptionHandler(new Errors());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
