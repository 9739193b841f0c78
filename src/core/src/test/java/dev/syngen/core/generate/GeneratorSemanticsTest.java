package dev.syngen.core.generate;

import static dev.syngen.core.Fixtures.AS_OF;
import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.nullable;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.ValueKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What each built-in generator promises beyond determinism. */
class GeneratorSemanticsTest {
  private static final long SEED = 1;
  private static final long DAY = 86_400_000L;

  private static CompiledColumn single(ColumnType type, GeneratorSpec g, long rows) {
    CompiledPlan plan = Fixtures.compile(scenario(entity("t", rows, col("v", type, g))), SEED);
    return Fixtures.column(plan, "t", "v");
  }

  @Test
  void uniformIntHitsBothInclusiveBoundsAndNothingElse() {
    CompiledColumn c = single(ColumnType.INT, gen("uniform_int", "min", 1, "max", 3), 1000);
    Set<Long> seen = new HashSet<>();
    for (int row = 0; row < 1000; row++) {
      seen.add(c.generator().longAt(c.key(), row));
    }
    assertEquals(Set.of(1L, 2L, 3L), seen);
  }

  @Test
  void uniformIntStaysInRangeForVeryWideBigintRanges() {
    long max = Long.MAX_VALUE - 1;
    CompiledColumn c = single(ColumnType.BIGINT, gen("uniform_int", "min", 1, "max", max), 10);
    boolean high = false;
    for (int row = 0; row < 10_000; row++) {
      long v = c.generator().longAt(c.key(), row);
      assertTrue(v >= 1 && v <= max, "uniform_int [1, 2^63-2] gave " + v);
      high |= v > (1L << 62);
    }
    assertTrue(high, "the upper half of the range is never produced");
  }

  @Test
  void uniformFloatAndNormalHaveTheirShape() {
    CompiledColumn u =
        single(ColumnType.DOUBLE, gen("uniform_float", "min", -2.0, "max", 3.0), 100_000);
    CompiledColumn n = single(ColumnType.DOUBLE, gen("normal", "mean", 50, "std", 10), 100_000);
    double su = 0;
    double sn = 0;
    double snn = 0;
    for (int row = 0; row < 100_000; row++) {
      double x = u.generator().doubleAt(u.key(), row);
      assertTrue(x >= -2.0 && x < 3.0, "uniform_float gave " + x);
      su += x;
      double y = n.generator().doubleAt(n.key(), row);
      sn += y;
      snn += y * y;
    }
    assertEquals(0.5, su / 100_000, 0.02);
    double mean = sn / 100_000;
    assertEquals(50, mean, 0.2);
    assertEquals(10, Math.sqrt(snn / 100_000 - mean * mean), 0.2);
  }

  @Test
  void choiceRespectsWeights() {
    CompiledColumn c =
        single(
            ColumnType.STRING,
            gen("choice", "values", List.of("x", "y"), "weights", List.of(0.9, 0.1)),
            100_000);
    int x = 0;
    for (int row = 0; row < 100_000; row++) {
      String v = c.generator().stringAt(c.key(), row);
      assertTrue(v.equals("x") || v.equals("y"), v);
      x += v.equals("x") ? 1 : 0;
    }
    assertEquals(0.9, x / 100_000.0, 0.005);
  }

  @Test
  void choiceNeverPicksZeroWeightValues() {
    CompiledColumn c =
        single(
            ColumnType.STRING,
            gen("choice", "values", List.of("a", "b", "c"), "weights", List.of(0, 1, 0)),
            1000);
    for (int row = 0; row < 1000; row++) {
      assertEquals("b", c.generator().stringAt(c.key(), row));
    }
  }

  @Test
  void choiceIntoBoolColumn() {
    CompiledColumn c =
        single(ColumnType.BOOL, gen("choice", "values", List.of(true, false)), 10_000);
    assertEquals(ValueKind.BOOL, c.generator().kind());
    int trues = 0;
    for (int row = 0; row < 10_000; row++) {
      long v = c.generator().longAt(c.key(), row);
      assertTrue(v == 0 || v == 1, "bool stored as " + v);
      trues += (int) v;
    }
    assertEquals(0.5, trues / 10_000.0, 0.03);
  }

  @Test
  void timeSeriesStartsRelativeToAsOfAndKeepsStepAndJitter() {
    long start = AS_OF.minus(Duration.ofDays(7)).toEpochMilli();
    CompiledColumn exact =
        single(ColumnType.TIMESTAMP, gen("time_series", "start", "-7d", "step", "5s"), 1000);
    CompiledColumn jittered =
        single(
            ColumnType.TIMESTAMP,
            gen("time_series", "start", "-7d", "step", "1m", "jitter_seconds", 30),
            1000);
    int moved = 0;
    for (int row = 0; row < 1000; row++) {
      assertEquals(start + row * 5_000L, exact.generator().longAt(exact.key(), row));
      long base = start + row * 60_000L;
      long t = jittered.generator().longAt(jittered.key(), row);
      assertTrue(Math.abs(t - base) <= 30_000, "jitter beyond 30 s at row " + row + ": " + t);
      moved += t != base ? 1 : 0;
    }
    assertTrue(moved > 900, "jitter is hardly applied: " + moved + " of 1000 rows moved");
  }

  @Test
  void dateBetweenStaysInRangeAndReachesBothEnds() {
    CompiledColumn c =
        single(
            ColumnType.DATE,
            gen("date_between", "start", "2026-01-01", "end", "2026-01-31"),
            10_000);
    long first = LocalDate.parse("2026-01-01").toEpochDay();
    long last = LocalDate.parse("2026-01-31").toEpochDay();
    Set<Long> seen = new HashSet<>();
    for (int row = 0; row < 10_000; row++) {
      long day = c.generator().longAt(c.key(), row);
      assertTrue(day >= first && day <= last, "date outside January: " + LocalDate.ofEpochDay(day));
      seen.add(day);
    }
    assertEquals(31, seen.size(), "not every day of January was produced");
  }

  @Test
  void timestampBetweenStaysInRelativeRange() {
    CompiledColumn c =
        single(
            ColumnType.TIMESTAMP, gen("timestamp_between", "start", "-30d", "end", "0d"), 10_000);
    long lo = AS_OF.toEpochMilli() - 30 * DAY;
    long hi = AS_OF.toEpochMilli();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int row = 0; row < 10_000; row++) {
      long t = c.generator().longAt(c.key(), row);
      assertTrue(t >= lo && t <= hi, "outside [as_of-30d, as_of]: " + Instant.ofEpochMilli(t));
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    assertTrue(min < lo + DAY && max > hi - DAY, "values do not span the range");
  }

  @Test
  void patternsProduceMatchingStrings() {
    assertAllMatch("ORD-########", "ORD-\\d{8}");
    assertAllMatch("[A-Z]{3}-\\d{4}", "[A-Z]{3}-\\d{4}");
    assertAllMatch("?{2}\\w{1,5}[a-c0-2]", "[A-Z]{2}\\w{1,5}[a-c0-2]");
  }

  private static void assertAllMatch(String pattern, String regex) {
    CompiledColumn c = single(ColumnType.STRING, gen("pattern", "pattern", pattern), 1000);
    Pattern p = Pattern.compile(regex);
    Set<String> distinct = new HashSet<>();
    for (int row = 0; row < 1000; row++) {
      String v = c.generator().stringAt(c.key(), row);
      assertTrue(p.matcher(v).matches(), "'" + v + "' from pattern " + pattern);
      distinct.add(v);
    }
    assertTrue(distinct.size() > 900, pattern + " gives only " + distinct.size() + " values");
  }

  @Test
  void sequenceIsStartPlusRowTimesStep() {
    CompiledColumn c = single(ColumnType.BIGINT, gen("sequence", "start", 100, "step", -5), 1000);
    for (int row = 0; row < 1000; row++) {
      assertEquals(100 - 5L * row, c.generator().longAt(c.key(), row));
    }
    CompiledColumn dflt = single(ColumnType.INT, gen("sequence"), 10);
    assertEquals(1, dflt.generator().longAt(dflt.key(), 0));
    assertEquals(10, dflt.generator().longAt(dflt.key(), 9));
  }

  @Test
  void constConvertsToTheColumnType() {
    assertConst(ColumnType.INT, 42, "42");
    assertConst(ColumnType.BIGINT, "9000000000", "9000000000");
    assertConst(ColumnType.STRING, "hello", "hello");
    assertConst(ColumnType.STRING, 7, "7");
    assertConst(ColumnType.BOOL, true, "1");
    assertConst(ColumnType.BOOL, "false", "0");
    assertConst(ColumnType.DOUBLE, 2.5, "2.5");
    assertConst(
        ColumnType.TIMESTAMP,
        "2026-01-01T00:00:00Z",
        Long.toString(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()));
    assertConst(
        ColumnType.UUID,
        "123e4567-e89b-42d3-a456-426614174000",
        "123e4567-e89b-42d3-a456-426614174000");
  }

  private static void assertConst(ColumnType type, Object value, String expected) {
    CompiledColumn c = single(type, gen("const", "value", value), 100);
    for (long row : new long[] {0, 1, 57, 99}) {
      assertEquals(expected, Fixtures.cell(c, row), "const " + value + " into " + type);
    }
  }

  @Test
  void foreignKeysOnlyReferToExistingParentValues() {
    CompiledPlan plan =
        Fixtures.compile(
            scenario(
                entity("customers", 200, col("id", ColumnType.UUID, gen("uuid4"))),
                entity(
                    "orders",
                    5000,
                    col(
                        "customer_id",
                        ColumnType.UUID,
                        gen("fk", "entity", "customers", "column", "id")))),
            SEED);
    CompiledColumn parent = Fixtures.column(plan, "customers", "id");
    Set<String> parents = new HashSet<>();
    for (int row = 0; row < 200; row++) {
      parents.add(Fixtures.cell(parent, row));
    }
    assertEquals(200, parents.size());
    CompiledColumn fk = Fixtures.column(plan, "orders", "customer_id");
    Set<String> referenced = new HashSet<>();
    for (int row = 0; row < 5000; row++) {
      String v = Fixtures.cell(fk, row);
      assertTrue(parents.contains(v), "row " + row + " refers to a missing parent " + v);
      referenced.add(v);
    }
    assertTrue(referenced.size() > 190, "uniform fk covers only " + referenced.size() + " parents");
  }

  @Test
  void zipfForeignKeysFavourTheFirstParents() {
    int parents = 200;
    int children = 20_000;
    CompiledPlan plan =
        Fixtures.compile(
            scenario(
                entity("customers", parents, col("id", ColumnType.BIGINT, gen("sequence"))),
                entity(
                    "orders",
                    children,
                    col(
                        "customer_id",
                        ColumnType.BIGINT,
                        gen("fk", "entity", "customers", "column", "id", "distribution", "zipf")))),
            SEED);
    CompiledColumn fk = Fixtures.column(plan, "orders", "customer_id");
    int[] counts = new int[parents];
    for (int row = 0; row < children; row++) {
      long id = fk.generator().longAt(fk.key(), row);
      assertTrue(id >= 1 && id <= parents, "fk value outside the parent ids: " + id);
      counts[(int) id - 1]++;
    }
    double uniformShare = (double) children / parents;
    assertTrue(counts[0] > 10 * uniformShare, "index 0 is not favoured: " + counts[0]);
    assertTrue(counts[0] > counts[1] && counts[1] > counts[10] && counts[10] > counts[150]);
  }

  @Test
  void fakerNamesAreNonEmptyVariedAndRepeatable() {
    CompiledColumn a = single(ColumnType.STRING, gen("faker_name"), 1000);
    CompiledColumn b = single(ColumnType.STRING, gen("faker_name"), 1000);
    Map<String, Integer> distinct = new HashMap<>();
    for (int row = 999; row >= 0; row--) {
      String v = a.generator().stringAt(a.key(), row);
      assertFalse(v == null || v.isBlank(), "blank name at row " + row);
      assertEquals(v, b.generator().stringAt(b.key(), row));
      distinct.merge(v, 1, Integer::sum);
    }
    assertTrue(distinct.size() > 500, "only " + distinct.size() + " distinct names in 1000");
  }

  @Test
  void nullRateGivesAboutThatShareOfNullsInBatches() {
    int rows = 20_000;
    CompiledPlan plan =
        Fixtures.compile(
            scenario(
                entity(
                    "t",
                    rows,
                    nullable("maybe", ColumnType.INT, 0.2, gen("uniform_int", "min", 1, "max", 9)),
                    col("always", ColumnType.INT, gen("uniform_int", "min", 1, "max", 9)),
                    new Column("off", ColumnType.INT, false, 0.5, false, gen("sequence")))),
            SEED);
    CompiledEntity e = Fixtures.compiled(plan, "t");
    RowBatch batch = new RowBatch(e, 4096);
    int nulls = 0;
    for (int first = 0; first < rows; first += 4096) {
      batch.fill(first, Math.min(4096, rows - first));
      ColumnVector maybe = batch.column(0);
      for (int i = 0; i < batch.size(); i++) {
        nulls += maybe.isNull(i) ? 1 : 0;
      }
      assertNull(batch.column(1).nulls, "a non-nullable column got a null mask");
      assertNull(batch.column(2).nulls, "null_rate on a nullable: false column took effect");
    }
    assertEquals(0.2, nulls / (double) rows, 0.015);
  }

  @Test
  void wholeNumbersAndTimestampsAdaptToWiderColumns() {
    CompiledColumn asText = single(ColumnType.STRING, gen("uniform_int", "min", 5, "max", 5), 10);
    assertEquals("5", asText.generator().stringAt(asText.key(), 3));
    CompiledColumn asDouble = single(ColumnType.DOUBLE, gen("uniform_int", "min", 5, "max", 5), 10);
    assertEquals(5.0, asDouble.generator().doubleAt(asDouble.key(), 3));
    CompiledColumn asDate =
        single(
            ColumnType.DATE, gen("time_series", "start", "2026-03-01T23:00:00Z", "step", "1h"), 10);
    assertEquals(
        LocalDate.parse("2026-03-02").toEpochDay(), asDate.generator().longAt(asDate.key(), 1));
  }
}
