package dev.syngen.server.infrastructure.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** The run-history migrations on embedded Derby (the default history database), in memory. */
class HistorySchemaDerbyTest extends HistorySchemaContract {

  @Override
  Connection emptyDatabase() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:derby:memory:history-" + UUID.randomUUID() + ";create=true");
  }

  @Override
  String kind() {
    return "derby";
  }
}
