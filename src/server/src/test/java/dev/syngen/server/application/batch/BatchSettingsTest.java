package dev.syngen.server.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    s.memberRetentionMinutes = 60;
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
  void aMemberRetentionOfNoMinutesIsRefusedWithTheSettingAndTheFix() {
    BatchSettings s = defaults("dispatcher");
    s.memberRetentionMinutes = 0;
    IllegalStateException e = assertThrows(IllegalStateException.class, s::check);
    assertEquals(
        "setting syngen.cluster.member-retention-minutes is 0, but must be from 1 to 525600 (a"
            + " year); fix: set SYNGEN_CLUSTER_MEMBER_RETENTION_MINUTES to e.g. 60",
        e.getMessage());
  }

  @Test
  void aMemberRetentionBeyondAYearIsRefusedAndAYearIsAccepted() {
    BatchSettings s = defaults("executor");
    s.memberRetentionMinutes = 525_601;
    IllegalStateException e = assertThrows(IllegalStateException.class, s::check);
    assertTrue(e.getMessage().contains("is 525601, but must be from 1 to 525600"), e.getMessage());
    s.memberRetentionMinutes = Long.MAX_VALUE;
    assertThrows(IllegalStateException.class, s::check, "no overflow slips through");
    s.memberRetentionMinutes = 525_600;
    s.check();
    assertEquals(Duration.ofDays(365), s.memberRetention());
  }

  @Test
  void theDefaultsPassAndOnlyDispatchersAndExecutorsAreClustered() {
    for (String role : BatchSettings.ROLES) {
      BatchSettings s = defaults(role);
      s.check();
      assertEquals(5, s.heartbeatSeconds());
      assertEquals(Duration.ofHours(1), s.memberRetention());
      assertEquals(!role.equals("standalone"), s.clustered(), role);
    }
    assertTrue(defaults("dispatcher").clustered());
    assertFalse(defaults("standalone").clustered());
  }

  @Test
  void tlsBetweenTheMembersNeedsAReadableKeystoreAndItsPassword(@TempDir Path dir)
      throws Exception {
    BatchSettings s = defaults("executor");
    s.clusterTls = "on";
    IllegalStateException e = assertThrows(IllegalStateException.class, s::check);
    assertTrue(
        e.getMessage().startsWith("setting syngen.cluster.keystore is empty"), e.getMessage());
    assertTrue(e.getMessage().contains("fix: set SYNGEN_CLUSTER_KEYSTORE"), e.getMessage());

    s.clusterKeystore = Optional.of(dir.resolve("missing.p12").toString());
    e = assertThrows(IllegalStateException.class, s::check);
    assertTrue(
        e.getMessage().contains("missing.p12, which is not a readable file"), e.getMessage());

    s.clusterKeystore =
        Optional.of(Files.write(dir.resolve("cluster.p12"), new byte[] {1}).toString());
    e = assertThrows(IllegalStateException.class, s::check);
    assertTrue(
        e.getMessage().contains("fix: set SYNGEN_CLUSTER_KEYSTORE_PASSWORD"), e.getMessage());

    s.clusterKeystorePassword = Optional.of("secret-of-the-keystore");
    s.check();
    assertTrue(s.tls());
  }

  @Test
  void tlsIsOnOrOffAndOnlyForClusterMembers() {
    BatchSettings s = defaults("dispatcher");
    s.clusterTls = "yes";
    IllegalStateException e = assertThrows(IllegalStateException.class, s::check);
    assertEquals(
        "setting syngen.cluster.tls is 'yes', but must be on or off; fix: set"
            + " SYNGEN_CLUSTER_TLS=on (TLS between the members, with SYNGEN_CLUSTER_KEYSTORE) or off",
        e.getMessage());

    BatchSettings standalone = defaults("standalone");
    standalone.clusterTls = "on";
    standalone.check(); // a standalone server has no cluster messaging to secure
    assertFalse(standalone.tls());
    assertFalse(defaults("executor").tls(), "off by default");
  }
}
