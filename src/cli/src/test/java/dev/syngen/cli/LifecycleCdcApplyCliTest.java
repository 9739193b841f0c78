package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.io.jdbc.JdbcUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code options.cdc: apply} from the command line, against the real PostgreSQL: a run that applies
 * the change stream in event-time order ends in the state a run that writes the table directly ends
 * in (less the deleted instances), and a bad mode is refused with its path and fix.
 */
class LifecycleCdcApplyCliTest {
  private static final String PG = ShardTest.PG;

  @TempDir Path tmp;
  private Cli cli;
  private final String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
  private final String direct = "syngen_t_cdc_direct_" + suffix;
  private final String applied = "syngen_t_cdc_applied_" + suffix;

  @BeforeEach
  void workspace() throws IOException {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Files.copy(
        Path.of("src/cli/src/test/resources/lifecycle/orders-cdc.yaml"),
        scenarios.resolve("orders-cdc.yaml"));
    cli = new Cli(scenarios, Files.createDirectories(tmp.resolve("targets")), tmp.resolve("runs"));
    profile("pg-direct", direct, "");
    profile("pg-apply", applied, "options: {cdc: apply}\n");
    profile("pg-bad", applied, "options: {cdc: replay}\n");
  }

  @AfterEach
  void drop() throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + direct + " CASCADE");
    execute("DROP SCHEMA IF EXISTS " + applied + " CASCADE");
  }

  private void profile(String id, String schema, String extra) throws IOException {
    Files.writeString(
        cli.targets.resolve(id + ".yaml"),
        "id: " + id + "\nkind: postgres\ndsn: " + PG + "\nschema: " + schema + "\n" + extra);
  }

  private Cli.Result start(String target, String... extra) {
    String[] base = {"run", "start", "--scenario", "orders-cdc", "--target", target, "--quiet"};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return cli.run(args);
  }

  @Test
  void appliedChangeStreamEndsInTheDirectlyWrittenState() throws SQLException {
    Cli.Result r = start("pg-direct");
    assertEquals(0, r.exit(), r.err());
    r = start("pg-apply", "--speed", "max", "--parallel", "2");
    assertEquals(0, r.exit(), r.err());
    long deleted = count("SELECT count(*) FROM " + direct + ".orders_cdc WHERE op = 'd'");
    assertTrue(deleted > 0, "some orders are cancelled (deleted)");
    assertEquals(count("SELECT count(*) FROM " + direct + ".orders") - deleted, count(applied));
    String diff =
        "SELECT count(*) FROM ((SELECT * FROM %1$s.orders WHERE status <> 'cancelled'"
            + " EXCEPT SELECT * FROM %2$s.orders) UNION ALL (SELECT * FROM %2$s.orders"
            + " EXCEPT SELECT * FROM %1$s.orders WHERE status <> 'cancelled')) d";
    assertEquals(0, count(String.format(diff, direct, applied)));
  }

  @Test
  void anUnknownModeIsRefusedWithItsPathAndFix() {
    Cli.Result r = start("pg-bad");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("options.cdc"), r.err());
    assertTrue(r.err().contains("apply"), r.err());
  }

  private long count(String schemaOrSql) throws SQLException {
    String sql =
        schemaOrSql.startsWith("SELECT")
            ? schemaOrSql
            : "SELECT count(*) FROM " + schemaOrSql + ".orders";
    try (Connection c = JdbcUrls.postgres(PG).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = JdbcUrls.postgres(PG).connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
