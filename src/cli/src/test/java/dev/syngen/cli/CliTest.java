package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path tmp;

  private Cli cli() {
    return new Cli(Path.of("scenarios"), Path.of("targets"), tmp.resolve("history"));
  }

  private Cli cliWith(String scenarioYaml) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(dir.resolve("s.yaml"), scenarioYaml);
    return new Cli(dir, Path.of("targets"), tmp.resolve("history"));
  }

  private static long lines(Path f) throws IOException {
    try (Stream<String> s = Files.lines(f)) {
      return s.count();
    }
  }

  @Test
  void listsTheReadyMadeScenariosAsValid() {
    Cli.Result r = cli().run("scenario", "list");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("iot-demo"), r.out());
    assertTrue(r.out().contains("finance-demo"), r.out());
    assertFalse(r.out().contains("INVALID"), r.out());
  }

  @Test
  void runWritesExactRowCountsAndRecordsTheRun() throws IOException {
    Path out = tmp.resolve("csv");
    Cli cli = cli();
    Cli.Result r =
        cli.run(
            "run",
            "start",
            "--scenario",
            "iot-demo",
            "--target-kind",
            "csv",
            "--target",
            out.toString(),
            "--scale",
            "0.1",
            "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertEquals(5 + 1, lines(out.resolve("sites.csv")));
    assertEquals(200 + 1, lines(out.resolve("devices.csv")));
    assertEquals(10_000 + 1, lines(out.resolve("telemetry.csv")));
    Cli.Result list = cli.run("run", "list", "--format", "json");
    assertTrue(list.out().contains("\"status\" : \"SUCCESS\""), list.out());
    String id = list.out().replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
    Cli.Result show = cli.run("run", "show", id);
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("config_hash"), show.out());
    assertTrue(show.out().contains("10,000 / 10,000"), show.out());
  }

  @Test
  void sameSeedGivesByteIdenticalFilesWhateverParallelismAndBatchSize() throws IOException {
    for (String kind : List.of("csv", "ndjson")) {
      Path a = tmp.resolve(kind + "-a");
      Path b = tmp.resolve(kind + "-b");
      Path c = tmp.resolve(kind + "-c");
      Cli cli = cli();
      assertEquals(
          0,
          cli.run(
                  "run",
                  "start",
                  "--scenario",
                  "finance-demo",
                  "--target-kind",
                  kind,
                  "--target",
                  a.toString(),
                  "--parallel",
                  "1",
                  "--batch-size",
                  "7",
                  "--scale",
                  "0.2",
                  "-q")
              .exit());
      assertEquals(
          0,
          cli.run(
                  "run",
                  "start",
                  "--scenario",
                  "finance-demo",
                  "--target-kind",
                  kind,
                  "--target",
                  b.toString(),
                  "--parallel",
                  "4",
                  "--batch-size",
                  "4096",
                  "--scale",
                  "0.2",
                  "-q")
              .exit());
      assertEquals(
          0,
          cli.run(
                  "run",
                  "start",
                  "--scenario",
                  "finance-demo",
                  "--target-kind",
                  kind,
                  "--target",
                  c.toString(),
                  "--parallel",
                  "4",
                  "--seed",
                  "99",
                  "--scale",
                  "0.2",
                  "-q")
              .exit());
      for (String table : List.of("customers", "accounts", "transactions")) {
        Path fa = a.resolve(table + "." + kind);
        byte[] bytesA = Files.readAllBytes(fa);
        assertArrayEquals(
            bytesA, Files.readAllBytes(b.resolve(table + "." + kind)), kind + " " + table);
        assertFalse(
            java.util.Arrays.equals(bytesA, Files.readAllBytes(c.resolve(table + "." + kind))),
            "a different seed must change " + table);
      }
    }
  }

  @Test
  void invalidScenarioWritesNothingAndReportsEveryProblem() throws IOException {
    Cli cli =
        cliWith(
            """
            name: broken
            entities:
              - name: a
                target_table: "a; drop table x"
                rows: 0
                columns:
                  - {name: id, type: int, generator: {type: uniform_int, params: {min: 10, max: 1}}}
                  - {name: v, type: uuid, generator: {type: uniform_flaot}}
            """);
    Path out = tmp.resolve("never");
    Cli.Result r =
        cli.run(
            "run", "start", "--scenario", "s", "--target-kind", "csv", "--target", out.toString());
    assertEquals(SyngenCommand.EXIT_INVALID, r.exit());
    assertTrue(r.err().contains("entities[0].target_table"), r.err());
    assertTrue(r.err().contains("entities[0].rows"), r.err());
    assertTrue(r.err().contains("entities[0].columns[0].generator.params.max"), r.err());
    assertTrue(r.err().contains("did you mean 'uniform_float'"), r.err());
    assertFalse(Files.exists(out), "an invalid scenario must not create the output directory");
    assertFalse(r.err().contains("Exception"), r.err());
    Path db = tmp.resolve("never.sqlite");
    Cli.Result sqlite =
        cli.run(
            "run",
            "start",
            "--scenario",
            "s",
            "--target-kind",
            "sqlite",
            "--target",
            db.toString());
    assertEquals(SyngenCommand.EXIT_INVALID, sqlite.exit());
    assertFalse(Files.exists(db), "an invalid scenario must not create the database");
  }

  @Test
  void malformedYamlAndAliasBombsAreRejectedClearly() throws IOException {
    Cli broken = cliWith("name: x\nentities: [\n  - name: a\n");
    Cli.Result r = broken.run("scenario", "validate", "s");
    assertEquals(SyngenCommand.EXIT_INVALID, r.exit());
    assertTrue(r.err().contains("malformed YAML"), r.err());
    StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char p = (char) (c - 1);
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append("]\n");
    }
    Cli.Result r2 = cliWith(bomb.toString()).run("scenario", "validate", "s");
    assertEquals(SyngenCommand.EXIT_INVALID, r2.exit());
    assertTrue(r2.err().toLowerCase().contains("alias"), r2.err());
  }

  @Test
  void planShowsOrderAndCountsWithoutWriting() {
    Path out = tmp.resolve("plan-only");
    Cli.Result r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "finance-demo",
                "--target-kind",
                "csv",
                "--target",
                out.toString(),
                "--plan",
                "--entity-count",
                "customers=7",
                "--exclude-entity",
                "accounts");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("customers"), r.out());
    assertTrue(r.out().matches("(?s).*customers\\s+customers\\s+7\\b.*"), r.out());
    assertTrue(
        r.out()
            .contains(
                "warning: entity 'transactions' is included but its parent 'accounts' is excluded"),
        r.out());
    assertFalse(Files.exists(out));
  }

  @Test
  void badFlagsAreUsageErrors() {
    Cli.Result r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "finance-demo",
                "--target-kind",
                "csv",
                "--target",
                tmp.toString(),
                "--mode",
                "explode");
    assertEquals(SyngenCommand.EXIT_INVALID, r.exit());
    assertTrue(r.err().contains("mode: unknown mode 'explode'"), r.err());
    assertTrue(r.err().contains("(mode is --mode)"), r.err());
    Cli.Result r2 =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "no-such",
                "--target-kind",
                "csv",
                "--target",
                tmp.toString());
    assertEquals(SyngenCommand.EXIT_INVALID, r2.exit());
    assertTrue(r2.err().contains("no scenario 'no-such'"), r2.err());
    Cli.Result r3 = cli().run("run", "show", "nope");
    assertEquals(SyngenCommand.EXIT_INVALID, r3.exit());
  }

  @Test
  void targetTestAndRedaction() {
    Cli.Result r = cli().run("target", "test", "local-csv", "--targets-dir", "targets");
    assertEquals(0, r.exit(), r.err() + r.out());
    assertTrue(r.out().contains("OK"), r.out());
    Cli.Result show = cli().run("target", "show", "local-postgres");
    assertFalse(show.out().contains("${"), show.out());
  }
}
