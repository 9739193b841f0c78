package dev.syngen.server.application.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DuplicateKeyTest {
  @Test
  void findsAUniqueViolationAmongTheCauses() {
    SQLException sql =
        new SQLIntegrityConstraintViolationException("duplicate key value", "23505", 20000);
    RuntimeException wrapped =
        new IllegalStateException("rolled back", new RuntimeException("flush", sql));
    assertTrue(DuplicateKey.in(wrapped));
  }

  @Test
  void otherFailuresAreNotDuplicates() {
    assertFalse(DuplicateKey.in(new SQLException("not null", "23502")));
    assertFalse(DuplicateKey.in(new SQLException("lock timeout", "40XL1")));
    assertFalse(DuplicateKey.in(new IllegalStateException("no cause")));
  }
}
