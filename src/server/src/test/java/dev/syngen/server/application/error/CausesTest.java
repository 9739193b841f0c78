package dev.syngen.server.application.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A failure's description names what a container's wrappers wrapped, once, without secrets. */
class CausesTest {
  @Test
  void aWrapperWithoutAMessageShowsWhatItWrapped() {
    RollbackException rollback = new RollbackException();
    rollback.initCause(new SQLException("ERROR: deadlock detected", "40P01"));
    assertEquals(
        "TransactionalException: RollbackException: ERROR: deadlock detected",
        Causes.describe(new TransactionalException(null, rollback)));
  }

  @Test
  void aMessageAlreadyCarriedByTheWrapperIsNotRepeated() {
    IllegalStateException e =
        new IllegalStateException(
            "could not queue: connection refused", new RuntimeException("connection refused"));
    assertEquals("could not queue: connection refused", Causes.describe(e));
  }

  @Test
  void secretsAreMaskedAndALongChainIsCut() {
    RuntimeException e =
        new RuntimeException(
            "x".repeat(700), new SQLException("postgres://app:hunter2@db:5432/prod refused"));
    String d = Causes.describe(new RuntimeException("connect to postgres://app:hunter2@db/x", e));
    assertFalse(d.contains("hunter2"), d);
    assertTrue(d.length() <= Causes.MAX_DESCRIPTION + 2, d.length() + ": " + d);
    assertTrue(d.endsWith(" …"), d);
  }
}
