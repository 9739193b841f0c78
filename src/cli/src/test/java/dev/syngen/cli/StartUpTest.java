package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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
  void aDirectoryNamedLikeASubcommandIsTheOptionsValue() {
    String[] args = {"--llm-dir", "llm", "--history-dir", "run", "llm", "list"};
    picocli.CommandLine.ParseResult parsed = SyngenCommand.commandLine(args).parseArgs(args);
    assertEquals(Path.of("llm"), parsed.matchedOptionValue("--llm-dir", null));
    assertEquals(Path.of("run"), parsed.matchedOptionValue("--history-dir", null));
    assertEquals("llm", parsed.subcommand().commandSpec().name());
    assertEquals("list", parsed.subcommand().subcommand().commandSpec().name());
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

  /**
   * {@code run start} reads none of {@code run}'s annotated subcommands: picocli would read their
   * annotations, and {@code run start} is declared without any (Specs).
   */
  @Test
  void runStartIsBuiltAloneAndTheOthersForEverythingElse() {
    assertEquals(Set.of("start"), runs("run", "start", "--scenario", "x"));
    assertEquals(Set.of("start"), runs("--history-dir", "h", "run", "--targets-dir=t", "start"));
    Set<String> all = Set.of("start", "collect", "list", "show");
    assertEquals(all, runs("run", "list"));
    assertEquals(all, runs("run", "strat"));
    assertEquals(all, runs("run", "--help"));
    assertEquals(all, runs("help", "run", "start"));
  }

  private static Set<String> runs(String... args) {
    return SyngenCommand.commandLine(args).getSubcommands().get("run").getSubcommands().keySet();
  }

  /** Every command answers --help and -V, including those that did not ask for picocli's mixin. */
  @Test
  void everyCommandAnswersHelpAndVersion() {
    Cli cli = new Cli(tmp, tmp, tmp.resolve("history"));
    for (List<String> command :
        List.of(
            List.of("run", "start"),
            List.of("run", "list"),
            List.of("run", "show"),
            List.of("scenario", "validate"),
            List.of("target", "list"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.add("--help");
      Cli.Result help = cli.run(args.toArray(String[]::new));
      assertEquals(0, help.exit(), command + ": " + help.err());
      assertTrue(help.out().startsWith("Usage: syngen " + String.join(" ", command)), help.out());
      assertTrue(help.out().contains("-h, --help"), help.out());
      args.set(args.size() - 1, "-V");
      Cli.Result version = cli.run(args.toArray(String[]::new));
      assertEquals(0, version.exit(), command + ": " + version.err());
      assertTrue(version.out().startsWith("syngen "), command + ": " + version.out());
    }
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

  /**
   * LLM provider profiles are read only for a plan with an llm_text column: a run without one does
   * not pay for them (nor fail on a broken one), a run with one is still refused before writing.
   */
  @Test
  void llmProfilesAreReadOnlyForPlansThatUseThem() throws IOException {
    Path llm = Files.createDirectories(tmp.resolve("llm"));
    Files.writeString(llm.resolve("broken.yaml"), "base_url: not a url\nmodel: m\n");
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(scenarios.resolve("reviews.yaml"), LlmCliTest.SCENARIO.formatted("broken"));
    Files.writeString(
        scenarios.resolve("plain.yaml"),
        """
        name: plain
        seed: 7
        entities:
          - name: items
            rows: 10
            columns:
              - {name: id, type: bigint, generator: {type: sequence}}
        """);
    Cli cli =
        new Cli(
            scenarios,
            tmp,
            tmp.resolve("history"),
            n -> null,
            List.of("--llm-dir=" + llm, "--llm-cache-dir=" + tmp.resolve("cache")));
    Cli.Result plain =
        cli.run(
            "run",
            "start",
            "--scenario",
            "plain",
            "--target-kind",
            "csv",
            "--target",
            tmp.resolve("plain-out").toString(),
            "--quiet");
    assertEquals(0, plain.exit(), plain.err());
    assertTrue(Files.exists(tmp.resolve("plain-out/items.csv")));
    Cli.Result reviews =
        cli.run(
            "run",
            "start",
            "--scenario",
            "reviews",
            "--target-kind",
            "csv",
            "--target",
            tmp.resolve("reviews-out").toString(),
            "--quiet");
    assertEquals(SyngenCommand.EXIT_INVALID, reviews.exit(), reviews.err());
    assertTrue(reviews.err().contains("broken.yaml"), reviews.err());
    assertTrue(reviews.err().contains("not an http(s) URL"), reviews.err());
    assertFalse(Files.exists(tmp.resolve("reviews-out/reviews.csv")), "nothing may be written");
  }
}
