package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.io.jdbc.JdbcUrls;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sdgen's five published scenarios validate and run unmodified at scale 0.001 into every target,
 * with exact row counts.
 */
class CompatibilityTest {
  static final Path CORPUS = Path.of("src/cli/src/test/resources/compat/sdgen-scenarios");
  static final String PG =
      System.getenv().getOrDefault("SYNGEN_TEST_PG_DSN", "postgres://postgres@127.0.0.1:5432/test");

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    return Stream.of("cypersecurity", "finance", "hr", "iot", "logistic")
        .flatMap(
            s -> Stream.of("csv", "ndjson", "sqlite", "postgres").map(k -> Arguments.of(s, k)));
  }

  @ParameterizedTest(name = "{0} into {1}")
  @MethodSource("cases")
  void runsUnmodifiedAtScaleOneThousandth(String scenario, String kind) throws Exception {
    Path file = CORPUS.resolve(scenario + ".yaml");
    Cli cli = new Cli(CORPUS, Path.of("targets"), tmp.resolve("history"));
    Cli.Result valid = cli.run("scenario", "validate", file.toString());
    assertEquals(0, valid.exit(), valid.err());
    String schema = "compat_" + scenario;
    String dsn =
        switch (kind) {
          case "sqlite" -> tmp.resolve("db.sqlite").toString();
          case "postgres" -> PG;
          default -> tmp.resolve(kind).toString();
        };
    String[] args = {
      "run",
      "start",
      "--scenario",
      file.toString(),
      "--target-kind",
      kind,
      "--target",
      dsn,
      "--scale",
      "0.001",
      "--mode",
      "truncate",
      "-q"
    };
    Cli.Result run = kind.equals("postgres") ? withSchema(cli, args, schema) : cli.run(args);
    assertEquals(0, run.exit(), run.err() + run.out());
    CompiledPlan plan =
        new PlanCompiler(GeneratorRegistry.builtins())
            .compile(
                ScenarioFiles.read(file),
                new RunOverrides(null, null, 0.001, null, null, null, null));
    try {
      for (CompiledEntity e : plan.included()) {
        assertEquals(e.rows(), count(kind, dsn, schema, e.table()), e.name());
      }
    } finally {
      if (kind.equals("postgres")) {
        try (Connection c = JdbcUrls.postgres(PG).connect();
            Statement st = c.createStatement()) {
          st.execute("drop schema if exists " + schema + " cascade");
        }
      }
    }
  }

  /** A postgres target profile with its own schema, written to the temporary targets directory. */
  private Cli.Result withSchema(Cli cli, String[] args, String schema) throws IOException {
    Path targets = Files.createDirectories(tmp.resolve("targets"));
    Files.writeString(
        targets.resolve("pg.yaml"),
        "id: pg\nkind: postgres\ndsn: " + PG + "\nschema: " + schema + "\n");
    Cli withTargets = new Cli(cli.scenarios, targets, cli.history);
    return withTargets.run(
        args[0],
        args[1],
        args[2],
        args[3],
        "--target",
        "pg",
        "--scale",
        "0.001",
        "--mode",
        "truncate",
        "-q");
  }

  private long count(String kind, String dsn, String schema, String table) throws Exception {
    switch (kind) {
      case "csv":
      case "ndjson":
        try (Stream<String> lines = Files.lines(Path.of(dsn).resolve(table + "." + kind))) {
          return lines.count() - (kind.equals("csv") ? 1 : 0);
        }
      case "sqlite":
        return sqlCount("jdbc:sqlite:" + dsn, table);
      default:
        try (Connection c = JdbcUrls.postgres(PG).connect()) {
          return sqlCount(c, schema + "." + table);
        }
    }
  }

  private static long sqlCount(String url, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      return sqlCount(c, table);
    }
  }

  private static long sqlCount(Connection c, String table) throws Exception {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
