package dev.syngen.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.profile.TableProfile.ColumnProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenario from-profile} drafts a clear arrival shape as a poisson_process, a flat one not.
 */
class ScenarioDraftArrivalsTest {
  private static final int SAMPLED = 5000;

  @Test
  void aClearShapeBecomesAPoissonProcessWithTheSharesAsWeights() {
    List<Double> hours = new ArrayList<>(Collections.nCopies(24, 0.0));
    for (int h = 9; h < 17; h++) {
      hours.set(h, 0.125);
    }
    Map<String, Object> params =
        ScenarioDraft.arrivals(
            column(hours, List.of(0.2, 0.2, 0.2, 0.2, 0.2, 0.0, 0.0), "2024-05-01T00:00:00Z"),
            SAMPLED);
    assertNotNull(params);
    assertEquals(hours, params.get("hourly"));
    assertEquals("2024-01-01T00:00:00Z", params.get("start"), "the window is p0.5 … p99.5");
    assertEquals(0, params.get("utc_offset_hours"), "the profile counts hours in UTC");
    Map<String, Object> doc =
        ScenarioDraft.of(
            new TableProfile(
                "events",
                SAMPLED,
                SAMPLED,
                10,
                List.of(
                    column(
                        hours, List.of(0.2, 0.2, 0.2, 0.2, 0.2, 0.0, 0.0), "2024-05-01T00:00:00Z")),
                null),
            "events");
    assertTrue(doc.toString().contains("type=poisson_process"), doc.toString());
    assertTrue(doc.toString().contains("hour_shares={00=0.0"), "zero-weight hours are expected");
  }

  @Test
  void aFlatShapeOrAWindowUnderAWeekKeepsThePercentiles() {
    List<Double> flatHours = Collections.nCopies(24, 1 / 24.0);
    List<Double> flatDays = Collections.nCopies(7, 1 / 7.0);
    assertNull(
        ScenarioDraft.arrivals(column(flatHours, flatDays, "2024-05-01T00:00:00Z"), SAMPLED));
    List<Double> business = new ArrayList<>(Collections.nCopies(24, 0.0));
    for (int h = 9; h < 17; h++) {
      business.set(h, 0.125);
    }
    assertNull(ScenarioDraft.arrivals(column(business, flatDays, "2024-01-04T00:00:00Z"), SAMPLED));
    Map<String, Object> doc =
        ScenarioDraft.of(
            new TableProfile(
                "events",
                SAMPLED,
                SAMPLED,
                10,
                List.of(column(flatHours, flatDays, "2024-05-01T00:00:00Z")),
                null),
            "events");
    assertFalse(doc.toString().contains("poisson_process"), doc.toString());
  }

  private static ColumnProfile column(List<Double> hours, List<Double> days, String end) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("p0.5", "2024-01-01T00:00:00Z");
    p.put("p5", "2024-01-10T00:00:00Z");
    p.put("p50", "2024-03-01T00:00:00Z");
    p.put("p95", "2024-04-20T00:00:00Z");
    p.put("p99.5", end);
    return new ColumnProfile(
        "created_at",
        "timestamp",
        "time",
        0,
        SAMPLED,
        p,
        List.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        hours,
        days);
  }
}
