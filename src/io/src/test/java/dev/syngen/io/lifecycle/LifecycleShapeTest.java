package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.io.Targets;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state's {@code shape} moves its leaving times onto the hours and weekdays its weights allow, as
 * a pure function of the instance: the same seed gives the same events in any batch size, no stay
 * ends in an hour or weekday of weight 0, and the leaving hours follow the weights when the
 * instances enter on the same curve. Bad weights are reported with their path and a fix.
 */
class LifecycleShapeTest {
  private static final CompiledPlan PLAN = Lifecycles.plan("shaped", 7);
  private static final double[] HOURLY = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 1, 2, 2, 2, 1, 1, 0, 0, 0, 0, 0, 0
  };

  @Test
  void shapedHistoriesDependOnTheSeedOnly() {
    List<List<String>> whole = Lifecycles.rows(PLAN, "tickets_events", 4096);
    assertEquals(whole, Lifecycles.rows(PLAN, "tickets_events", 7));
    assertEquals(whole, Lifecycles.rows(Lifecycles.plan("shaped", 7), "tickets_events", 333));
    assertNotEquals(whole, Lifecycles.rows(Lifecycles.plan("shaped", 8), "tickets_events", 4096));
  }

  @Test
  void shapedEventsAreTheSameAtAnyParallelism(@TempDir Path dir) throws IOException {
    // the same events whatever the threads and batches (sorted: only values are compared)
    List<String> one = Files.readAllLines(write(dir.resolve("one"), 1, 4096));
    List<String> three = Files.readAllLines(write(dir.resolve("three"), 3, 500));
    assertTrue(one.size() >= 12_000);
    assertEquals(one.stream().sorted().toList(), three.stream().sorted().toList());
  }

  private static Path write(Path dir, int parallel, int batch) {
    TargetProfile target =
        new TargetProfile("ndjson", "ndjson", "ndjson", dir.toString(), null, null);
    try (Sink sink = Targets.builtins().open(target)) {
      new RunEngine(parallel, batch, Traffic.UNLIMITED)
          .run(
              PLAN,
              sink,
              TableMode.TRUNCATE_THEN_INSERT,
              java.util.Map.of(),
              RunListener.NONE,
              new CancelToken());
    }
    return dir.resolve("tickets_events.ndjson");
  }

  @Test
  void leavingTimesFollowTheHourAndWeekdayWeights() {
    List<List<String>> events = Lifecycles.rows(PLAN, "tickets_events", 4096);
    int from = Lifecycles.column(PLAN, "tickets_events", "from_state");
    int time = Lifecycles.column(PLAN, "tickets_events", "event_time");
    long[] hours = new long[24];
    long n = 0;
    for (List<String> e : events) {
      if ("open".equals(e.get(from))) {
        ZonedDateTime t = Instant.ofEpochMilli(Long.parseLong(e.get(time))).atZone(ZoneOffset.UTC);
        assertTrue(t.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0, "weekend event " + t);
        hours[t.getHour()]++;
        n++;
      }
    }
    assertTrue(n >= 10_000, "only " + n + " stays in open ended");
    double sum = java.util.Arrays.stream(HOURLY).sum();
    for (int h = 0; h < 24; h++) {
      double share = hours[h] / (double) n;
      if (HOURLY[h] == 0) {
        assertEquals(0, hours[h], "events at " + h + ":00, an hour of weight 0");
      } else {
        assertEquals(HOURLY[h] / sum, share, 0.015, "share of hour " + h);
      }
    }
  }

  @Test
  void shapedStaysLastTheirDrawnDwellOnTheShapesClock() {
    // nights and the weekend do not count: a stay in open entered on Friday 17:30 with 2 h of
    // dwell spends its first half hour's worth on Friday and ends on Monday morning
    var lc = Fixtures.compiled(PLAN, "tickets").lifecycle();
    long friday = Instant.parse("2025-12-05T17:30:00Z").toEpochMilli();
    long left = lc.leave(0, friday, 2 * 3_600_000L);
    assertTrue(
        left >= Instant.parse("2025-12-08T08:00:00Z").toEpochMilli()
            && left < Instant.parse("2025-12-08T09:00:00Z").toEpochMilli(),
        Instant.ofEpochMilli(left).toString());
    assertEquals(2.0, lc.dwellUnits(0, friday, left), 1e-6);
    // an unshaped state leaves on the clock
    assertEquals(
        friday + 7_200_000L,
        Lifecycles.plan("orders", 7).entities().get(0).lifecycle().leave(0, friday, 7_200_000L));
  }

  @Test
  void theConfigHashCoversTheLifecycle() {
    String yaml = Lifecycles.yaml("shaped");
    String hash = Fixtures.compile(ScenarioFiles.parse(yaml, "v"), 7).configHash();
    assertEquals(hash, Fixtures.compile(ScenarioFiles.parse(yaml, "v"), 7).configHash());
    for (String[] change :
        new String[][] {
          {"params: {mean: 6}", "params: {mean: 7}"},
          {
            "shape: {hourly: office, weekday: workweek, utc_offset_hours: 0}",
            "shape: {hourly: office, weekday: workweek, utc_offset_hours: 1}"
          }
        }) {
      assertTrue(yaml.contains(change[0]), change[0]);
      String other = yaml.replace(change[0], change[1]);
      assertNotEquals(
          hash,
          Fixtures.compile(ScenarioFiles.parse(other, "v"), 7).configHash(),
          "a lifecycle changed by " + change[1] + " keeps the config hash");
    }
  }

  private static List<Problem> problems(String from, String to) {
    String yaml = Lifecycles.yaml("shaped").replace(from, to);
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> Fixtures.compile(ScenarioFiles.parse(yaml, "v"), 1));
    return e.problems();
  }

  private static List<Problem> problems(String shape) {
    return problems("shape: {hourly: office, weekday: workweek, utc_offset_hours: 0}", shape);
  }

  private static void expect(List<Problem> ps, String path, String words) {
    assertTrue(
        ps.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(words)),
        "no problem at " + path + " saying '" + words + "' in " + ps);
    assertTrue(ps.stream().allMatch(p -> p.fix() != null && !p.fix().isBlank()));
  }

  @Test
  void badWeightsAreReportedWithTheirPathAndAFix() {
    String at = "entities[0].lifecycle.states.escalated.shape";
    expect(problems("shape: {hourly: [1, 2, 3]}"), at + ".hourly", "24 weights");
    expect(problems("shape: {weekday: [1, 1, -1, 1, 1, 0, 0]}"), at + ".weekday[2]", ">= 0");
    expect(
        problems("shape: {weekday: [0, 0, 0, 0, 0, 0, 0]}"), at + ".weekday", "every weight is 0");
    expect(problems("shape: {hourly: nightly}"), at + ".hourly", "unknown curve");
    expect(problems("shape: {hours: office}"), at + ".hours", "is not a parameter");
    expect(problems("shape: {utc_offset_hours: 20}"), at + ".utc_offset_hours", "between -14");
    List<Problem> terminal =
        problems(
            "resolved: {set: {status: resolved}}",
            "resolved: {shape: {hourly: office}, set: {status: resolved}}");
    expect(terminal, "entities[0].lifecycle.states.resolved.shape", "terminal");
  }
}
