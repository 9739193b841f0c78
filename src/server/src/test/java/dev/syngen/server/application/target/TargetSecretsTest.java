package dev.syngen.server.application.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problems;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetSecretsTest {
  private static final TargetSpec STORED =
      new TargetSpec(
          "t",
          "T",
          "postgres",
          "postgres://app:hunter2@db:5432/shop",
          null,
          Map.of("password", "jms-secret", "header.Authorization", "Bearer abc"));

  @Test
  void aMaskedDsnPasswordKeepsTheStoredOneEvenWhenTheHostChanged() {
    Problems p = new Problems();
    TargetSpec kept = TargetSecrets.keepStored(STORED, edit("postgres://app:***@db2:5432/shop"), p);
    assertEquals("postgres://app:hunter2@db2:5432/shop", kept.dsn());
    assertTrue(p.isEmpty());
  }

  @Test
  void aNewPasswordReplacesTheStoredOne() {
    Problems p = new Problems();
    TargetSpec kept = TargetSecrets.keepStored(STORED, edit("postgres://app:new@db:5432/shop"), p);
    assertEquals("postgres://app:new@db:5432/shop", kept.dsn());
  }

  @Test
  void maskedSecretOptionsKeepTheStoredValuesAndPlainOnesAreTakenAsWritten() {
    Problems p = new Problems();
    TargetSpec edited =
        new TargetSpec(
            "t",
            "T",
            "jms",
            "tcp://h:61616",
            null,
            Map.of("password", "***", "header.Authorization", "Bearer new", "destination", "***"));
    TargetSpec kept = TargetSecrets.keepStored(STORED, edited, p);
    assertEquals("jms-secret", kept.options().get("password"));
    assertEquals("Bearer new", kept.options().get("header.Authorization"));
    assertEquals("***", kept.options().get("destination"), "not a secret: taken as written");
    assertTrue(p.isEmpty());
  }

  @Test
  void aMaskWithNothingStoredBehindItIsAProblemAtItsField() {
    Problems p = new Problems();
    TargetSpec none = new TargetSpec("t", "T", "postgres", "postgres://app@db/shop", null, null);
    TargetSecrets.keepStored(
        none,
        new TargetSpec(
            "t", "T", "jms", "postgres://app:***@db/shop", null, Map.of("password", "***")),
        p);
    assertEquals(2, p.list().size(), p.list().toString());
    assertEquals("dsn", p.list().get(0).path());
    assertEquals("options.password", p.list().get(1).path());
  }

  private static TargetSpec edit(String dsn) {
    return new TargetSpec("t", "T", "postgres", dsn, null, null);
  }
}
