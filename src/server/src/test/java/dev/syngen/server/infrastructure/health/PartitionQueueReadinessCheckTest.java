package dev.syngen.server.infrastructure.health;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Readiness of a cluster member without the messaging engine's password. */
class PartitionQueueReadinessCheckTest {
  private static PartitionQueueReadinessCheck check(String role, String password) {
    PartitionQueueReadinessCheck c = new PartitionQueueReadinessCheck();
    c.role = role;
    c.user = "syngen-executor";
    c.password = Optional.of(password).filter(p -> !p.isEmpty());
    return c;
  }

  @Test
  void aDispatcherOrExecutorWithoutThePasswordIsNotReadyAndSaysWhichVariableToSet() {
    for (String role : new String[] {"dispatcher", "executor"}) {
      String error = check(role, "").problem();
      assertTrue(error != null, role + " is not ready");
      assertTrue(error.contains("syngen-executor"), error);
      assertTrue(error.contains("SYNGEN_JMS_PASSWORD"), error);
    }
  }

  @Test
  void aStandaloneServerNeedsNoPassword() {
    assertNull(check("standalone", "").problem());
  }

  @Test
  void aDispatcherWithThePasswordIsReadyWithoutProbingAnyRemoteEngine() {
    assertNull(check("dispatcher", "s3cret-value").problem());
  }
}
