package dev.syngen.server.application.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureCounterTest {
  private static final long S = 1_000_000_000L;

  @Test
  void theFailureThatReachesTheLimitLocksTheKeyForTheLockTime() {
    FailureCounter c = new FailureCounter(3, 60 * S, 10 * S, 100);
    assertFalse(c.fail("admin", 0));
    assertFalse(c.fail("admin", S));
    assertTrue(c.fail("admin", 2 * S), "the third failure engages the lock");
    assertEquals(10 * S, c.lockedFor("admin", 2 * S));
    assertEquals(0, c.lockedFor("viewer", 2 * S), "other keys are not locked");
    assertFalse(c.fail("admin", 3 * S), "failures while locked neither extend nor re-engage");
    assertEquals(9 * S, c.lockedFor("admin", 3 * S));
    assertEquals(0, c.lockedFor("admin", 12 * S), "the lock ends");
    assertFalse(c.fail("admin", 13 * S), "counting starts again after a lock");
  }

  @Test
  void failuresOutsideTheWindowAreForgottenAndASuccessClearsThem() {
    FailureCounter c = new FailureCounter(3, 60 * S, 10 * S, 100);
    c.fail("a", 0);
    c.fail("a", S);
    assertFalse(c.fail("a", 70 * S), "the window started again");
    c.fail("b", 0);
    c.fail("b", S);
    c.clear("b", 2 * S);
    assertFalse(c.fail("b", 3 * S));
    assertFalse(c.fail("b", 4 * S));
  }

  @Test
  void aSuccessDoesNotLiftALock() {
    FailureCounter c = new FailureCounter(1, 60 * S, 10 * S, 100);
    assertTrue(c.fail("a", 0));
    c.clear("a", S);
    assertTrue(c.lockedFor("a", S) > 0);
  }

  @Test
  void remembersAtMostMaxKeys() {
    FailureCounter c = new FailureCounter(5, 60 * S, 10 * S, 1000);
    for (int i = 0; i < 100_000; i++) {
      c.fail("user-" + i, i);
    }
    assertTrue(c.size() <= 1000, "size " + c.size());
  }
}
