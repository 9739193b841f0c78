package dev.syngen.server.infrastructure.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/** The run-history migrations on embedded Derby (the default history database), in memory. */
class HistorySchemaDerbyTest extends HistorySchemaContract {

  @BeforeAll
  static void logIntoTarget() {
    // Derby writes derby.log into the working directory unless told otherwise
    System.setProperty("derby.stream.error.file", "target/derby.log");
  }

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
