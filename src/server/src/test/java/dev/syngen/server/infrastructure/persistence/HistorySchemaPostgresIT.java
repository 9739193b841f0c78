package dev.syngen.server.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The run-history migrations on PostgreSQL (SYNGEN_TEST_PG_DSN, as the other ITs), each test in a
 * new schema made the connection's default, as {@code syngen.db.schema} does for the server.
 */
class HistorySchemaPostgresIT extends HistorySchemaContract {

  @Override
  Connection emptyDatabase() throws SQLException {
    String schema = "syngen_migrate_it_" + UUID.randomUUID().toString().substring(0, 8);
    Connection c = connect();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    c.setSchema(schema);
    return c;
  }

  /** A fresh database: the schema SYNGEN_DB_SCHEMA names does not exist until the migration. */
  @Test
  void aSchemaThatDoesNotExistYetIsCreated() throws Exception {
    String schema = "syngen_fresh_it_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = connect("currentSchema=" + schema)) {
      HistorySchema.migrate(c);
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                      + schema
                      + "' AND table_name = 'syngen_run'")) {
        r.next();
        assertEquals(1, r.getInt(1), "the run table in the new schema " + schema);
      }
      try (Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void aSearchPathEntryIsResolvedAsPostgresDoes() {
    assertEquals("syngen_cluster", HistorySchema.schemaName("Syngen_Cluster"));
    assertEquals("Mixed", HistorySchema.schemaName("\"Mixed\""));
    assertNull(HistorySchema.schemaName("$user"));
    assertNull(HistorySchema.schemaName("a;drop table x"));
  }

  @Override
  String kind() {
    return "postgresql";
  }

  private static Connection connect() throws SQLException {
    return connect("");
  }

  private static Connection connect(String parameters) throws SQLException {
    String dsn =
        System.getenv()
            .getOrDefault("SYNGEN_TEST_PG_DSN", "postgres://postgres@127.0.0.1:5432/test")
            .replaceFirst("^postgres(ql)?://", "");
    String userInfo = dsn.contains("@") ? dsn.substring(0, dsn.indexOf('@')) : "postgres";
    String hostPath = dsn.contains("@") ? dsn.substring(dsn.indexOf('@') + 1) : dsn;
    String user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo;
    String password = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : "";
    String url = "jdbc:postgresql://" + hostPath;
    if (!parameters.isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + parameters;
    }
    return DriverManager.getConnection(url, user, password);
  }
}
