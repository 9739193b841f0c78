package dev.syngen.server.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
  @Test
  void aLockTimeoutOrDeadlockDeepInTheCausesIsABusyDatabase() {
    for (String state : new String[] {"40XL1", "40XL2", "40001", "40P01", "55P03"}) {
      Throwable t =
          new PersistenceException(
              "rollback", new RuntimeException(new SQLException("lock", state)));
      assertTrue(ProblemMapper.isDatabaseBusy(t), state);
    }
  }

  @Test
  void anXaBranchRolledBackForALockTimeoutIsABusyDatabase() {
    XAException timeout = new XAException(XAException.XA_RBTIMEOUT);
    assertTrue(
        ProblemMapper.isDatabaseBusy(
            new RuntimeException("rolled back", new RuntimeException(timeout))));
    assertFalse(ProblemMapper.isDatabaseBusy(new XAException(XAException.XAER_RMERR)));
  }

  @Test
  void otherDatabaseErrorsStayInternalErrors() {
    assertFalse(ProblemMapper.isDatabaseBusy(new SQLException("no table", "42X05")));
    assertFalse(ProblemMapper.isDatabaseBusy(new PersistenceException("x")));
    assertFalse(ProblemMapper.isDatabaseBusy(new SQLException("no state")));
  }

  @Test
  void aLostConnectionIsAnUnreachableDatabase() {
    assertTrue(
        ProblemMapper.isDatabaseUnreachable(
            new PersistenceException(new SQLException("connection refused", "08001"))));
    assertFalse(ProblemMapper.isDatabaseUnreachable(new SQLException("lock", "40XL1")));
    assertFalse(ProblemMapper.isDatabaseUnreachable(new SQLException("no state")));
  }
}
