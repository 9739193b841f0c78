package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line reads only the subcommand it runs (start-up, docs/benchmarks.md), yet help and
 * mistyped names still see every subcommand.
 */
class StartUpTest {
  @TempDir Path tmp;

  private static Set<String> subcommands(String... args) {
    return SyngenCommand.commandLine(args).getSubcommands().keySet();
  }

  @Test
  void onlyTheNamedSubcommandIsRead() {
    assertEquals(Set.of(), subcommands("--version"));
    assertEquals(Set.of("run"), subcommands("run", "start", "--scenario", "x"));
    assertEquals(Set.of("generators"), subcommands("--scenarios-dir", "run", "generators"));
    assertEquals(Set.of("target"), subcommands("--history-dir=/h", "target", "list"));
    assertEquals(Set.of("corpus"), subcommands("--corpora-dir", "/c", "corpus", "list"));
    List<String> all =
        List.of(
            "scenario",
            "target",
            "run",
            "generators",
            "fidelity",
            "profile",
            "index-gate",
            "llm",
            "corpus",
            "help");
    assertEquals(Set.copyOf(all), subcommands("--help"));
    assertEquals(Set.copyOf(all), subcommands("rnu", "start"));
    assertEquals(Set.copyOf(all), subcommands());
  }

  @Test
  void helpVersionAndTyposBehaveAsWithEverySubcommand() {
    Cli cli = new Cli(tmp, tmp, tmp.resolve("history"));
    Cli.Result version = cli.run("--version");
    assertEquals(0, version.exit());
    assertTrue(version.out().startsWith("syngen "), version.out());
    Cli.Result help = cli.run("--help");
    assertTrue(help.out().contains("generators") && help.out().contains("fidelity"), help.out());
    Cli.Result typo = cli.run("genrators");
    assertEquals(2, typo.exit());
    assertTrue(typo.err().contains("generators"), typo.err());
  }
}
