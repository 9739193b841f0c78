package dev.syngen.server.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Members of a new cluster that start together race to create Liquibase's own tables on the fresh
 * history schema; the loser's migration is tried again and finds them.
 */
class HistorySchemaRetryTest {
  static {
    System.setProperty("derby.stream.error.file", "target/derby.log");
  }

  private static Connection emptyDerby() throws Exception {
    return DriverManager.getConnection(
        "jdbc:derby:memory:history-retry-" + UUID.randomUUID() + ";create=true");
  }

  @Test
  void aMigrationThatLostTheRaceIsTriedAgainAndApplied() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (Connection c = emptyDerby()) {
      boolean autoCommit = c.getAutoCommit();
      HistorySchema.migrate(
          c,
          (connection, scope) -> {
            if (attempts.incrementAndGet() == 1) {
              throw new IllegalStateException(
                  "An error occurred while attempting to create the database changelog table");
            }
            HistorySchema.migrate(connection);
          });
      assertEquals(2, attempts.get());
      assertEquals(autoCommit, c.getAutoCommit(), "the connection is handed back as it came");
      try (ResultSet tables = c.getMetaData().getTables(null, null, "SYNGEN_RUN", null)) {
        assertTrue(tables.next(), "the second attempt created the schema");
      }
    }
  }

  @Test
  void aMigrationFailingEveryAttemptFailsWithTheLastError() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (Connection c = emptyDerby()) {
      HistorySchema.MigrationException e =
          assertThrows(
              HistorySchema.MigrationException.class,
              () ->
                  HistorySchema.migrate(
                      c,
                      (connection, scope) -> {
                        throw new IllegalStateException("attempt " + attempts.incrementAndGet());
                      }));
      assertEquals(HistorySchema.ATTEMPTS, attempts.get());
      assertEquals("attempt " + HistorySchema.ATTEMPTS, e.getMessage());
    }
  }
}
