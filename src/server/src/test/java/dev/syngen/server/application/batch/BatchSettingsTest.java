package dev.syngen.server.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchSettingsTest {

  private static BatchSettings defaults(String role) {
    BatchSettings s = new BatchSettings();
    s.role = role;
    s.thresholdRows = 1_000_000;
    s.checkpointRows = 100_000;
    s.partitionRows = 500_000;
    s.chunkTimeoutSeconds = 300;
    s.chunkRedispatchSeconds = 60;
    s.chunkAttempts = 3;
    s.heartbeatSeconds = 5;
    return s;
  }

  @Test
  void aHeartbeatOfNoSecondsIsRefusedWithTheSettingAndTheFix() {
    BatchSettings s = defaults("executor");
    s.heartbeatSeconds = 0;
    IllegalStateException e = assertThrows(IllegalStateException.class, s::check);
    assertEquals(
        "setting syngen.cluster.heartbeat-seconds is 0, but must be at least 1; fix: set it to e.g."
            + " 5",
        e.getMessage());
  }

  @Test
  void theDefaultsPassAndOnlyDispatchersAndExecutorsAreClustered() {
    for (String role : BatchSettings.ROLES) {
      BatchSettings s = defaults(role);
      s.check();
      assertEquals(5, s.heartbeatSeconds());
      assertEquals(!role.equals("standalone"), s.clustered(), role);
    }
    assertTrue(defaults("dispatcher").clustered());
    assertFalse(defaults("standalone").clustered());
  }
}
