package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.interfaces.view.RunView;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

  @Test
  void eachEntityCarriesEveryColumnOfTheRunPagesTable() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    RunRecord r =
        new RunRecord(
            "r",
            RunStatus.SUCCESS,
            "s",
            "s",
            "1",
            "src",
            "t",
            "t",
            "csv",
            "d",
            1,
            t,
            "h",
            "create",
            1,
            Map.of(),
            t,
            t,
            t.plusSeconds(1),
            List.of(new EntityProgress("devices", "devices", 2000, 2000, 400)),
            null);
    JsonObject e =
        LiveUpdates.json(RunView.of(r, t.plusSeconds(2)))
            .build()
            .getJsonArray("entities")
            .getJsonObject(0);
    assertEquals(400, e.getInt("durationMs"));
    assertEquals(5000.0, e.getJsonNumber("rowsPerSecond").doubleValue());
    assertEquals(2000, e.getInt("written"));
  }
}
