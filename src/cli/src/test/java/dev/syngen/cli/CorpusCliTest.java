package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syngen corpus add|list|show|rm} and runs that pick from a corpus: rejected files write
 * nothing, runs are identical across --parallel and batch sizes, and a changed corpus changes the
 * config hash.
 */
class CorpusCliTest {
  static final String SCENARIO =
      """
      name: pets
      seed: 11
      as_of: "2026-01-01T00:00:00Z"
      entities:
        - name: pets
          rows: 500
          columns:
            - {name: id, type: bigint, generator: {type: sequence}}
            - {name: kind, type: text, generator: {type: corpus, params: {name: pet_kinds}}}
            - {name: skewed, type: text, generator: {type: corpus, params: {name: pet_kinds, weights: zipf}}}
      """;

  @TempDir Path tmp;
  Cli cli;
  Path corpora;

  @BeforeEach
  void setUp() throws IOException {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(scenarios.resolve("pets.yaml"), SCENARIO);
    corpora = tmp.resolve("corpora");
    cli =
        new Cli(
            scenarios,
            Path.of("targets"),
            tmp.resolve("history"),
            System::getenv,
            List.of("--corpora-dir=" + corpora));
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content);
  }

  private Cli.Result run(String out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "start",
                "--scenario",
                "pets",
                "--target-kind",
                "csv",
                "--target",
                tmp.resolve(out).toString(),
                "--quiet"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private String configHash() {
    Cli.Result plan = run("plan", "--plan", "--format", "json");
    assertEquals(0, plan.exit(), plan.err());
    Matcher m = Pattern.compile("\"config_hash\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(plan.out());
    assertTrue(m.find(), plan.out());
    return m.group(1);
  }

  @Test
  void addListShowRemove() throws IOException {
    Cli.Result add =
        cli.run("corpus", "add", "pet_kinds", file("pets.txt", "cat\ndog\nparrot\n").toString());
    assertEquals(0, add.exit(), add.err());
    assertTrue(add.out().contains("corpus 'pet_kinds' is ready: 3 values, 3 distinct"), add.out());
    assertTrue(Files.exists(corpora.resolve("pet_kinds.txt")));

    Cli.Result list = cli.run("corpus", "list");
    assertTrue(list.out().contains("pet_kinds") && list.out().contains("ready"), list.out());

    Cli.Result show = cli.run("corpus", "show", "pet_kinds");
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("scenarios [pets]"), show.out());
    assertTrue(show.out().contains("registered"), show.out());
    assertTrue(show.out().contains("validated"), show.out());

    Cli.Result again = cli.run("corpus", "add", "pet_kinds", tmp.resolve("pets.txt").toString());
    assertEquals(SyngenCommand.EXIT_INVALID, again.exit());
    assertTrue(again.err().contains("--replace"), again.err());

    assertEquals(0, cli.run("corpus", "rm", "pet_kinds").exit());
    assertFalse(Files.exists(corpora.resolve("pet_kinds.json")));
    Cli.Result gone = cli.run("corpus", "show", "pet_kinds");
    assertEquals(SyngenCommand.EXIT_INVALID, gone.exit());
  }

  @Test
  void aRejectedFileWritesNothingAndSaysFieldProblemAndFix() throws IOException {
    Cli.Result r =
        cli.run("corpus", "add", "people", file("people.txt", "ann\nann@example.org\n").toString());
    assertEquals(SyngenCommand.EXIT_INVALID, r.exit());
    assertTrue(r.err().contains("file: value 2 looks like an e-mail address"), r.err());
    assertTrue(r.err().contains("allow_personal_data"), r.err());
    assertFalse(Files.exists(corpora) && Files.list(corpora).findAny().isPresent());

    Cli.Result badName = cli.run("corpus", "add", "Bad Name", tmp.resolve("people.txt").toString());
    assertEquals(SyngenCommand.EXIT_INVALID, badName.exit());
    assertTrue(
        badName.err().contains("name: 'Bad Name' is not a valid corpus name"), badName.err());

    Cli.Result allowed =
        cli.run(
            "corpus",
            "add",
            "people",
            tmp.resolve("people.txt").toString(),
            "--allow-personal-data");
    assertEquals(0, allowed.exit(), allowed.err());
  }

  @Test
  void runsAreIdenticalAcrossParallelismAndBatchesAndFollowTheCorpusHash() throws IOException {
    Cli.Result missing = run("none");
    assertEquals(SyngenCommand.EXIT_INVALID, missing.exit());
    assertTrue(missing.err().contains("no ready corpus named 'pet_kinds'"), missing.err());
    assertFalse(Files.exists(tmp.resolve("none").resolve("pets.csv")), "nothing is written");

    cli.run(
        "corpus", "add", "pet_kinds", file("pets.txt", "cat\ndog\nparrot\nhamster\n").toString());
    String hash = configHash();
    assertEquals(0, run("a", "--parallel", "1", "--batch-size", "7").exit());
    assertEquals(0, run("b", "--parallel", "4", "--batch-size", "64").exit());
    String a = Files.readString(tmp.resolve("a").resolve("pets.csv"));
    assertEquals(a, Files.readString(tmp.resolve("b").resolve("pets.csv")));
    assertTrue(a.contains("hamster"), a);
    assertEquals(hash, configHash(), "an unchanged corpus reproduces the plan");

    cli.run(
        "corpus",
        "add",
        "pet_kinds",
        file("pets2.txt", "cat\ndog\nparrot\nferret\n").toString(),
        "--replace");
    assertNotEquals(hash, configHash(), "a changed corpus changes the config hash");
    assertEquals(0, run("c").exit());
    String c = Files.readString(tmp.resolve("c").resolve("pets.csv"));
    assertTrue(c.contains("ferret") && !c.contains("hamster"), c);
  }

  @Test
  void corporaShippedBesideTheScenariosAreFound() throws IOException {
    Files.createDirectories(tmp.resolve("scenarios").resolve("corpora"));
    Files.writeString(
        tmp.resolve("scenarios").resolve("corpora").resolve("pet_kinds.csv"),
        "value,weight\ncat,5\ndog,5\nnewt,0\n");
    assertEquals(0, run("shipped").exit());
    Cli.Result list = cli.run("corpus", "list");
    assertTrue(
        list.out().lines().anyMatch(l -> l.matches("pet_kinds\\s+ready\\s+shipped\\s+3\\s.*")),
        list.out());
    String out = Files.readString(tmp.resolve("shipped").resolve("pets.csv"));
    assertTrue(out.contains("cat") && out.contains("dog"), out);
    assertFalse(
        out.lines().anyMatch(l -> l.split(",")[1].equals("newt")), "weight 0 is never drawn");
  }
}
