package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.io.jdbc.JdbcUrls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run split into four shards ({@code --shard I/4}, as a Kubernetes Indexed Job runs it) writes
 * exactly the unsharded run: CSV and NDJSON parts concatenate to its files byte for byte, and
 * PostgreSQL tables written by four concurrent shards hold the same rows. Requests that cannot be
 * shards are refused with nothing written, and the collect step records the shards as one run.
 */
class ShardTest {
  static final String PG =
      System.getenv().getOrDefault("SYNGEN_TEST_PG_DSN", "postgres://postgres@127.0.0.1:5432/test");
  static final List<String> TABLES = List.of("regions", "customers", "orders", "order_items");
  static final Map<String, String> KEYS =
      Map.of(
          "regions", "region_id",
          "customers", "customer_id",
          "orders", "order_id",
          "order_items", "item_id");
  static final String[] ANCHOR = {"--seed", "7", "--as-of", "2026-01-01T00:00:00Z"};
  private static final Pattern ID = Pattern.compile("\"id\" : \"([^\"]+)\"");

  @TempDir Path tmp;
  private Cli cli;

  @BeforeEach
  void workspace() throws IOException {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Files.copy(
        Path.of("src/cli/src/test/resources/shard/shop3.yaml"), scenarios.resolve("shop3.yaml"));
    cli = new Cli(scenarios, Files.createDirectories(tmp.resolve("targets")), tmp.resolve("runs"));
  }

  private String[] start(String kind, String dsn, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "start",
                "--scenario",
                "shop3",
                "--target-kind",
                kind,
                "--target",
                dsn,
                "--batch-size",
                "700",
                "--quiet",
                "--format",
                "json"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String[] with(String[] args, String... more) {
    return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
  }

  private static String runId(Cli.Result r) {
    assertEquals(0, r.exit(), r.err());
    Matcher m = ID.matcher(r.out());
    assertTrue(m.find(), r.out());
    return m.group(1);
  }

  /** Runs shards 0 … 3 of the arguments; returns their run ids in shard order. */
  private List<String> fourShards(String[] args) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(runId(cli.run(with(args, "--shard", i + "/4"))));
    }
    return ids;
  }

  @Test
  void fourFileShardsConcatenateToTheUnshardedFilesByteForByte() throws IOException {
    for (String kind : List.of("csv", "ndjson")) {
      Path whole = tmp.resolve(kind + "-whole");
      Path parts = tmp.resolve(kind + "-parts");
      runId(cli.run(start(kind, whole.toString(), ANCHOR)));
      fourShards(start(kind, parts.toString(), ANCHOR));
      for (String table : TABLES) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
          Path part = parts.resolve(String.format("%s.part-%05d-of-00004.%s", table, i, kind));
          joined.write(Files.readAllBytes(part));
        }
        byte[] expected = Files.readAllBytes(whole.resolve(table + "." + kind));
        assertArrayEquals(expected, joined.toByteArray(), kind + " " + table);
      }
      try (Stream<Path> files = Files.list(parts)) {
        assertEquals(TABLES.size() * 4, files.count(), "one part per table and shard");
      }
    }
    Path firstCustomers = tmp.resolve("csv-parts/customers.part-00000-of-00004.csv");
    Path laterCustomers = tmp.resolve("csv-parts/customers.part-00001-of-00004.csv");
    assertTrue(Files.readString(firstCustomers).startsWith("customer_id,region_id,"));
    assertFalse(
        Files.readString(laterCustomers).startsWith("customer_id"), "header in part 0 only");
    assertEquals(
        "region_id,label\n",
        Files.readString(tmp.resolve("csv-parts/regions.part-00000-of-00004.csv")),
        "3 rows in 4 shards: shard 0 holds none of them");
  }

  @Test
  void fourConcurrentPostgresShardsHoldTheUnshardedRows() throws Exception {
    String whole = "shard_whole_" + ProcessHandle.current().pid();
    String sharded = "shard_parts_" + ProcessHandle.current().pid();
    writeProfile("pg-whole", whole);
    writeProfile("pg-parts", sharded);
    try {
      runId(cli.run(with(startProfile("pg-whole"), ANCHOR)));
      List<Future<Cli.Result>> shards = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        for (int i = 0; i < 4; i++) {
          String shard = i + "/4";
          shards.add(
              pool.submit(
                  () ->
                      cli.run(
                          with(
                              startProfile("pg-parts"),
                              "--shard",
                              shard,
                              "--seed",
                              "7",
                              "--as-of",
                              "2026-01-01T00:00:00Z",
                              "--parallel",
                              "1"))));
        }
        for (Future<Cli.Result> f : shards) {
          runId(f.get());
        }
      } finally {
        pool.shutdownNow();
      }
      for (String table : TABLES) {
        List<String> expected = contents(whole, table);
        assertEquals(expected, contents(sharded, table), table);
      }
      assertEquals("10007", contents(sharded, "order_items").get(0));
      assertEquals("10007", contents(sharded, "order_items").get(1));
    } finally {
      drop(whole);
      drop(sharded);
    }
  }

  private String[] startProfile(String target) {
    return new String[] {
      "run", "start", "--scenario", "shop3", "--target", target, "--quiet", "--format", "json"
    };
  }

  private void writeProfile(String id, String schema) throws IOException {
    Files.writeString(
        cli.targets.resolve(id + ".yaml"),
        "id: " + id + "\nkind: postgres\ndsn: " + PG + "\nschema: " + schema + "\n");
  }

  /** Row count, distinct keys and the md5 of the ordered rows of one table. */
  private static List<String> contents(String schema, String table) throws SQLException {
    String sql =
        "SELECT count(*), count(DISTINCT "
            + KEYS.get(table)
            + "), md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM "
            + schema
            + "."
            + table
            + " t";
    try (Connection c = JdbcUrls.postgres(PG).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
    }
  }

  private static void drop(String schema) throws SQLException {
    try (Connection c = JdbcUrls.postgres(PG).connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void aBadShardIsRefusedWithItsFixAndNothingWritten() throws IOException {
    Path out = tmp.resolve("bad");
    for (String bad : List.of("4/4", "1/0", "two/4", "-1/4", "3", "1/100001")) {
      Cli.Result r = cli.run(with(start("csv", out.toString(), ANCHOR), "--shard", bad));
      assertEquals(2, r.exit(), bad + ": " + r.err());
      assertTrue(r.err().contains("--shard (or SYNGEN_SHARD)"), r.err());
      assertTrue(r.err().contains("fix: write I/N"), r.err());
    }
    assertTrue(
        cli.run(with(start("csv", out.toString(), ANCHOR), "--shard", "4/4"))
            .err()
            .contains("below 4 (0 … 3)"));
    assertNothingWritten(out);
  }

  @Test
  void aShardWithoutAsOfOrSeedIsRefusedWithTheFixAndNothingWritten() throws IOException {
    Path out = tmp.resolve("unanchored");
    Cli.Result noAsOf =
        cli.run(with(start("csv", out.toString(), "--seed", "7"), "--shard", "1/4"));
    assertEquals(2, noAsOf.exit(), noAsOf.err());
    assertTrue(noAsOf.err().contains("--as-of: is missing"), noAsOf.err());
    assertTrue(noAsOf.err().contains("fix: give every shard the same --as-of"), noAsOf.err());
    assertFalse(noAsOf.err().contains("--seed:"), noAsOf.err());

    Cli.Result neither = cli.run(with(start("csv", out.toString()), "--shard", "1/4"));
    assertEquals(2, neither.exit(), neither.err());
    assertTrue(neither.err().contains("--as-of: is missing"), neither.err());
    assertTrue(neither.err().contains("--seed: is missing"), neither.err());
    assertNothingWritten(out);
  }

  @Test
  void shardsDoNotTruncateSharedTables() throws IOException {
    writeProfile("pg-truncate", "shard_never_created");
    Cli.Result r =
        cli.run(
            with(startProfile("pg-truncate"), "--shard", "0/2", "--mode", "truncate_then_insert"));
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--mode: truncate_then_insert would let one shard empty"), r.err());
    assertFalse(Files.exists(cli.history), "no run recorded");
  }

  @Test
  void theEnvironmentVariableNamesTheShardAsJobCompletionIndexWould() throws Exception {
    Path parts = tmp.resolve("env-parts");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SyngenCommand.class.getName(),
                "--scenarios-dir=" + cli.scenarios,
                "--history-dir=" + cli.history));
    command.addAll(List.of(start("csv", parts.toString(), ANCHOR)));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SYNGEN_SHARD", "2/4");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    assertTrue(output.contains("\"shard\" : \"2/4\""), output);
    try (Stream<Path> files = Files.list(parts)) {
      assertTrue(
          files.allMatch(f -> f.getFileName().toString().contains(".part-00002-of-00004.")),
          "only part 2 written");
    }
  }

  @Test
  void collectRecordsTheShardsAsOneRunAndRefusesMissingOrMismatchedShards() throws IOException {
    String[] args = start("csv", tmp.resolve("collect").toString(), ANCHOR);
    List<String> ids = fourShards(args);

    Cli.Result missing =
        cli.run("run", "collect", "--shard-runs", String.join(",", ids.subList(0, 3)));
    assertEquals(2, missing.exit(), missing.err());
    assertTrue(missing.err().contains("shards 3/4 are missing"), missing.err());

    String other =
        runId(
            cli.run(
                with(
                    start(
                        "csv",
                        tmp.resolve("other").toString(),
                        "--seed",
                        "8",
                        "--as-of",
                        "2026-01-01T00:00:00Z"),
                    "--shard",
                    "3/4")));
    List<String> mixed = new ArrayList<>(ids.subList(0, 3));
    mixed.add(other);
    Cli.Result mismatched = cli.run("run", "collect", "--shard-runs", String.join(",", mixed));
    assertEquals(2, mismatched.exit(), mismatched.err());
    assertTrue(mismatched.err().contains(other + ": config_hash"), mismatched.err());
    assertTrue(mismatched.err().contains(other + ": seed 8 differs"), mismatched.err());

    Cli.Result unknown = cli.run("run", "collect", "--shard-runs", "nope," + ids.get(0));
    assertEquals(2, unknown.exit(), unknown.err());
    assertTrue(unknown.err().contains("nope: no such run"), unknown.err());

    List<String> anyOrder = new ArrayList<>(ids);
    java.util.Collections.reverse(anyOrder);
    Cli.Result collected =
        cli.run("run", "collect", "--shard-runs", String.join(",", anyOrder), "--format", "json");
    String id = runId(collected);
    Cli.Result show = cli.run("run", "show", id);
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("shards      4: " + String.join(",", ids)), show.out());
    assertTrue(show.out().contains("10,007 / 10,007"), show.out());
    assertTrue(show.out().contains("3 / 3"), show.out());
    Cli.Result shard = cli.run("run", "show", ids.get(1));
    assertTrue(shard.out().contains("shard       1/4"), shard.out());
    assertTrue(shard.out().contains("2,502 / 2,502"), shard.out());
  }

  private void assertNothingWritten(Path out) {
    assertFalse(Files.exists(out), "no output directory");
    assertFalse(Files.exists(cli.history), "no run recorded");
  }
}
