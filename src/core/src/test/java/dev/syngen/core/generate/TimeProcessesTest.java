package dev.syngen.core.generate;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.generate.builtin.PoissonProcess;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.RowsPerParent;
import java.time.Instant;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Event processes and path-dependent series: their shape, order and purity. */
class TimeProcessesTest {
  private static final long HOUR = 3_600_000L;

  /** 400 parents with a Poisson(25) number of children each, and the given child column. */
  private static CompiledPlan perParent(ColumnType type, GeneratorSpec spec) {
    Entity parents =
        entity(
            "parents",
            400,
            col("id", ColumnType.BIGINT, gen("sequence")),
            col(
                "started_at",
                ColumnType.TIMESTAMP,
                gen("timestamp_between", "start", "-60d", "end", "-30d")));
    Entity children =
        new Entity(
            "children",
            "children",
            0,
            List.of(
                col("parent_id", ColumnType.BIGINT, gen("fk", "entity", "parents", "column", "id")),
                col("value", type, spec)),
            new RowsPerParent("parents", gen("poisson", "lambda", 25), 0, null));
    return Fixtures.compile(scenario(parents, children), 21);
  }

  private static long[] longs(CompiledPlan plan, String entity, String column) {
    CompiledColumn c = Fixtures.column(plan, entity, column);
    long rows = Fixtures.compiled(plan, entity).rows();
    long[] out = new long[(int) rows];
    for (int r = 0; r < rows; r++) {
      out[r] = c.generator().longAt(c.key(), r);
    }
    return out;
  }

  private static double[] doubles(CompiledPlan plan, String entity, String column) {
    CompiledColumn c = Fixtures.column(plan, entity, column);
    long rows = Fixtures.compiled(plan, entity).rows();
    double[] out = new double[(int) rows];
    for (int r = 0; r < rows; r++) {
      out[r] = c.generator().doubleAt(c.key(), r);
    }
    return out;
  }

  @Test
  void eventsRiseWithinEachParentAndStayInTheParentsWindow() {
    CompiledPlan plan =
        perParent(
            ColumnType.TIMESTAMP,
            gen(
                "poisson_process",
                "after",
                "started_at",
                "span",
                "7d",
                "hourly",
                "diurnal",
                "burst",
                0.7));
    long[] parent = longs(plan, "children", "parent_id");
    long[] t = longs(plan, "children", "value");
    CompiledColumn started = Fixtures.column(plan, "parents", "started_at");
    for (int r = 0; r < t.length; r++) {
      long start = started.generator().longAt(started.key(), parent[r] - 1);
      assertTrue(
          t[r] >= start && t[r] <= start + 7 * 24 * HOUR, "row " + r + " outside its window");
      if (r > 0 && parent[r] == parent[r - 1]) {
        assertTrue(t[r] >= t[r - 1], "row " + r + " goes back in time within its parent");
      }
    }
    PoissonProcess g = (PoissonProcess) Fixtures.column(plan, "children", "value").generator();
    assertTrue(g.monotonicWithinParent());
  }

  @Test
  void theRateCurveShapesTheHoursAndTheDeclaredLawPassesKolmogorovSmirnov() {
    GeneratorSpec spec =
        gen(
            "poisson_process",
            "start",
            "-28d",
            "end",
            "0d",
            "hourly",
            "diurnal",
            "weekday",
            "workweek");
    CompiledPlan plan =
        Fixtures.compile(
            scenario(entity("events", 30_000, col("at", ColumnType.TIMESTAMP, spec))), 5);
    long[] t = longs(plan, "events", "at");
    long night = 0;
    long evening = 0;
    long weekend = 0;
    for (int r = 0; r < t.length; r++) {
      if (r > 0) {
        assertTrue(t[r] >= t[r - 1], "entity order rises with the row");
      }
      Instant i = Instant.ofEpochMilli(t[r]);
      int hour = i.atZone(java.time.ZoneOffset.UTC).getHour();
      int dow = i.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue();
      night += hour >= 2 && hour < 5 ? 1 : 0;
      evening += hour >= 19 && hour < 22 ? 1 : 0;
      weekend += dow >= 6 ? 1 : 0;
    }
    assertTrue(
        evening > 8 * night, "diurnal: evenings busier than nights " + evening + " vs " + night);
    assertTrue(
        weekend < t.length * 0.2, "workweek: weekends quieter, " + weekend + " of " + t.length);
    Law law = ((Distributed) Fixtures.column(plan, "events", "at").generator()).law();
    double[] x = java.util.Arrays.stream(t).asDoubleStream().toArray();
    double d =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovStatistic(
                assertInstanceOf(Law.Continuous.class, law).distribution(), x);
    assertTrue(d < 0.01, "KS distance " + d);
  }

  @Test
  void burstsClusterEventsMoreThanAPlainProcess() {
    double plain = hourlyDispersion(0);
    double bursty = hourlyDispersion(0.8);
    assertTrue(bursty > 3 * plain, "dispersion " + bursty + " vs " + plain);
  }

  /** Variance over mean of the number of events per hour. */
  private static double hourlyDispersion(double burst) {
    GeneratorSpec spec =
        gen("poisson_process", "start", "-10d", "end", "0d", "burst", burst, "order", "none");
    CompiledPlan plan =
        Fixtures.compile(
            scenario(entity("events", 24_000, col("at", ColumnType.TIMESTAMP, spec))), 8);
    long[] t = longs(plan, "events", "at");
    long start = java.util.Arrays.stream(t).min().orElseThrow();
    double[] counts = new double[241];
    for (long v : t) {
      counts[(int) ((v - start) / HOUR)]++;
    }
    double mean = java.util.Arrays.stream(counts).average().orElseThrow();
    double var =
        java.util.Arrays.stream(counts).map(c -> (c - mean) * (c - mean)).average().orElseThrow();
    return var / mean;
  }

  @Test
  void randomWalksStartAtTheirStartAndStepWithTheDeclaredSpread() {
    CompiledPlan plan =
        perParent(ColumnType.DOUBLE, gen("random_walk", "start", 100, "step_std", 2));
    long[] parent = longs(plan, "children", "parent_id");
    double[] v = doubles(plan, "children", "value");
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int r = 0; r < v.length; r++) {
      if (r == 0 || parent[r] != parent[r - 1]) {
        assertEquals(100, v[r], 1e-9, "a series starts at start");
      } else {
        double step = v[r] - v[r - 1];
        sum += step;
        sq += step * step;
        n++;
      }
    }
    assertEquals(2, Math.sqrt(sq / n - (sum / n) * (sum / n)), 0.1);
  }

  @Test
  void garchReturnsClusterTheirVolatility() {
    Entity instruments = entity("instruments", 5, col("id", ColumnType.BIGINT, gen("sequence")));
    Entity prices =
        new Entity(
            "prices",
            "prices",
            0,
            List.of(
                col(
                    "r",
                    ColumnType.DOUBLE,
                    gen(
                        "garch", "start", 100, "omega", 0.00001, "alpha", 0.12, "beta", 0.85,
                        "output", "return")),
                col(
                    "p",
                    ColumnType.DOUBLE,
                    gen("garch", "start", 100, "omega", 0.00001, "alpha", 0.12, "beta", 0.85))),
            new RowsPerParent("instruments", gen("const", "value", 4000), 0, null));
    CompiledPlan plan = Fixtures.compile(scenario(instruments, prices), 13);
    double[] r = doubles(plan, "prices", "r");
    double[] lag = new double[3999];
    double[] now = new double[3999];
    double[] lagSq = new double[3999];
    double[] nowSq = new double[3999];
    for (int i = 1; i < 4000; i++) {
      lag[i - 1] = r[i - 1];
      now[i - 1] = r[i];
      lagSq[i - 1] = r[i - 1] * r[i - 1];
      nowSq[i - 1] = r[i] * r[i];
    }
    PearsonsCorrelation pearson = new PearsonsCorrelation();
    assertTrue(Math.abs(pearson.correlation(lag, now)) < 0.06, "returns are not predictable");
    assertTrue(pearson.correlation(lagSq, nowSq) > 0.1, "squared returns are: volatility clusters");
    double[] p = doubles(plan, "prices", "p");
    assertTrue(
        p[0] > 0 && p[3999] > 0 && p[4000] != p[3999], "series per instrument, prices positive");
  }

  @Test
  void seasonalReadingsPeakAtTheDeclaredHourWithAutocorrelatedNoise() {
    GeneratorSpec spec =
        gen(
            "seasonal",
            "level",
            20,
            "daily_amplitude",
            5,
            "daily_peak_hour",
            15,
            "noise_std",
            1,
            "ar",
            0.9,
            "start",
            "-14d",
            "step",
            "5m");
    CompiledPlan plan =
        Fixtures.compile(scenario(entity("readings", 4032, col("v", ColumnType.DOUBLE, spec))), 3);
    double[] v = doubles(plan, "readings", "v");
    CompiledEntity e = Fixtures.compiled(plan, "readings");
    double[] byHour = new double[24];
    int[] count = new int[24];
    long start = Fixtures.AS_OF.toEpochMilli() - 14 * 24 * HOUR;
    for (int r = 0; r < e.rows(); r++) {
      int hour = (int) Math.floorMod((start + r * 300_000L) / HOUR, 24);
      byHour[hour] += v[r];
      count[hour]++;
    }
    int peak = 0;
    for (int h = 0; h < 24; h++) {
      if (byHour[h] / count[h] > byHour[peak] / count[peak]) {
        peak = h;
      }
    }
    assertTrue(Math.abs(peak - 15) <= 1, "peak hour " + peak);
    double[] noise = new double[v.length];
    for (int r = 0; r < v.length; r++) {
      double hour = Math.floorMod(start + r * 300_000L, 24 * HOUR) / (double) HOUR;
      noise[r] = v[r] - 20 - 5 * Math.cos(2 * Math.PI * (hour - 15) / 24);
    }
    double[] a = java.util.Arrays.copyOfRange(noise, 0, noise.length - 1);
    double[] b = java.util.Arrays.copyOfRange(noise, 1, noise.length);
    assertEquals(0.9, new PearsonsCorrelation().correlation(a, b), 0.05);
  }
}
