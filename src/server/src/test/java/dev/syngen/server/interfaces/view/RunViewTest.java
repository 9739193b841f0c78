package dev.syngen.server.interfaces.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunViewTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aRunShowsItsStatsAndProgressWithSecretsRedacted() {
    RunRecord r =
        new RunRecord(
            "r1",
            RunStatus.FAILED,
            "finance-demo",
            "Finance",
            "1.0.0",
            "scenario_id:finance-demo",
            "pg",
            "PG",
            "postgres",
            "postgres://u:pw@h/db",
            42,
            T0,
            "hash",
            "create_if_missing",
            2,
            Map.of("scale", 0.5),
            T0,
            T0,
            T0.plusSeconds(2),
            List.of(
                new EntityProgress("customers", "customers", 100, 100, 500),
                new EntityProgress("orders", "orders", 300, 100, 1500)),
            "COPY failed for postgres://u:topsecret@h/db");

    RunView v = RunView.of(r, T0.plusSeconds(60));

    assertEquals("failed", v.status());
    assertEquals("postgres://u:***@h/db", v.targetDsn());
    assertFalse(v.error().contains("topsecret"), v.error());
    assertEquals("2026-03-01T10:00:00Z", v.asOf());
    assertEquals(200, v.progressRowsGenerated());
    assertEquals(400, v.progressRowsTotal());
    assertEquals(1, v.progressEntitiesDone());
    assertEquals(2, v.progressEntitiesTotal());
    assertEquals(null, v.progressCurrentEntity(), "only a running run has a current entity");
    assertEquals(100.0, v.rowsPerSecond());
    assertEquals(null, v.etaSeconds());
    assertEquals(200.0, v.entities().get(0).rowsPerSecond());
    assertEquals(300, v.entities().get(1).rowsPlanned());
  }
}
