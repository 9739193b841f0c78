package dev.syngen.server.infrastructure.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

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

  @Override
  String kind() {
    return "postgresql";
  }

  private static Connection connect() throws SQLException {
    String dsn =
        System.getenv()
            .getOrDefault("SYNGEN_TEST_PG_DSN", "postgres://postgres@127.0.0.1:5432/test")
            .replaceFirst("^postgres(ql)?://", "");
    String userInfo = dsn.contains("@") ? dsn.substring(0, dsn.indexOf('@')) : "postgres";
    String hostPath = dsn.contains("@") ? dsn.substring(dsn.indexOf('@') + 1) : dsn;
    String user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo;
    String password = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : "";
    return DriverManager.getConnection("jdbc:postgresql://" + hostPath, user, password);
  }
}
