package dev.syngen.server.application.target;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.infrastructure.persistence.JpaTargetStore;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two servers sharing a history database seed the same target file at the same moment. */
class TargetSeederTest {
  private static final TargetSpec CSV =
      new TargetSpec("local-csv", null, "csv", "out/csv", null, Map.of());

  private static TargetSeeder seederWhoseInsertFails(RuntimeException failure) {
    TargetSeeder seeder = new TargetSeeder();
    seeder.store =
        new JpaTargetStore() {
          @Override
          public boolean create(TargetSpec spec, String source) {
            throw failure;
          }
        };
    return seeder;
  }

  @Test
  void losingTheInsertToAnotherServerIsNotAFailure() {
    RuntimeException lost =
        new IllegalStateException(
            "transaction rolled back",
            new RuntimeException(
                "could not execute statement",
                new SQLException("duplicate key value violates unique constraint", "23505")));
    assertFalse(seederWhoseInsertFails(lost).created(CSV));
    assertTrue(TargetSeeder.duplicateKey(lost));
  }

  @Test
  void anyOtherFailureStillStopsTheStart() {
    RuntimeException down =
        new IllegalStateException("no connection", new SQLException("refused", "08001"));
    assertFalse(TargetSeeder.duplicateKey(down));
    assertThrows(IllegalStateException.class, () -> seederWhoseInsertFails(down).created(CSV));
  }
}
