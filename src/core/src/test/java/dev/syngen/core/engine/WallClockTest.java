package dev.syngen.core.engine;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.nullable;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.Rate;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.core.traffic.TrafficMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wall-clock streaming: timestamp columns carry the time of production, everything else (dates,
 * NULLs, other columns) stays exactly what the seed gives.
 */
class WallClockTest {
  private static final int ROWS = 3_000;

  private static final CompiledPlan PLAN =
      Fixtures.compile(
          scenario(
              entity(
                  "events",
                  ROWS,
                  col("id", ColumnType.BIGINT, gen("sequence")),
                  col("at", ColumnType.TIMESTAMP, gen("time_series", "start", "-7d", "step", "1s")),
                  nullable(
                      "seen_at",
                      ColumnType.TIMESTAMP,
                      0.3,
                      gen("time_series", "start", "-3d", "step", "2s")),
                  col(
                      "day",
                      ColumnType.DATE,
                      gen("date_between", "start", "-400d", "end", "-30d")))),
          7);

  private static List<String[]> run(boolean wallClock) {
    Traffic paced =
        new Traffic(
            new Rate(30_000, Rate.Unit.RECORDS),
            TrafficMode.STEADY,
            null,
            null,
            null,
            0,
            wallClock);
    RecordingSink sink = new RecordingSink();
    new RunEngine(2, 4096, paced)
        .run(
            PLAN, sink, TableMode.CREATE_IF_MISSING, Map.of(), RunListener.NONE, new CancelToken());
    return sink.lines.stream().map(l -> l.split("\\|")).toList();
  }

  @Test
  void timestampsFollowTheClockAndNothingElseChanges() {
    List<String[]> generated = run(false);
    long before = System.currentTimeMillis();
    List<String[]> stamped = run(true);
    long after = System.currentTimeMillis();
    assertEquals(ROWS, stamped.size());
    long previous = 0;
    for (int r = 0; r < ROWS; r++) {
      String[] g = generated.get(r);
      String[] w = stamped.get(r);
      long at = Long.parseLong(w[3]);
      assertTrue(at >= before && at <= after, "row " + r + " at " + at);
      assertTrue(at >= previous, "production times never go back");
      previous = at;
      assertNotEquals(g[3], w[3], "the generated time is a week ago");
      assertEquals(g[2], w[2], "id");
      assertEquals(g[5], w[5], "a date column keeps its generated value");
      assertEquals("<null>".equals(g[4]), "<null>".equals(w[4]), "NULLs stay NULL, row " + r);
    }
    long last = Long.parseLong(stamped.get(ROWS - 1)[3]);
    long first = Long.parseLong(stamped.get(0)[3]);
    assertTrue(last - first >= 50, "3,000 rows at 30,000/s span about 0.1 s: " + (last - first));
  }
}
