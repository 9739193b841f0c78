package dev.syngen.core.engine;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.nullable;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.sink.TableMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parallelism and batch size never change output; cancel stops; a checkpoint resumes exactly. */
class RunEngineTest {
  private static final int CUSTOMERS = 1000;
  private static final int ORDERS = 2500;
  private static final CompiledPlan PLAN = plan();

  private static CompiledPlan plan() {
    return Fixtures.compile(
        scenario(
            entity(
                "orders",
                ORDERS,
                col("id", ColumnType.UUID, gen("uuid4")),
                col(
                    "customer_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "customers", "column", "id", "distribution", "zipf")),
                col("amount", ColumnType.DOUBLE, gen("uniform_float", "min", 1, "max", 500)),
                col(
                    "status",
                    ColumnType.STRING,
                    gen(
                        "choice",
                        "values",
                        List.of("new", "paid", "sent"),
                        "weights",
                        List.of(1, 5, 3))),
                col("sku", ColumnType.STRING, gen("pattern", "pattern", "[A-Z]{3}-\\d{4}")),
                col(
                    "placed_at",
                    ColumnType.TIMESTAMP,
                    gen("time_series", "start", "-7d", "step", "10s", "jitter_seconds", 5))),
            entity(
                "customers",
                CUSTOMERS,
                col("id", ColumnType.BIGINT, gen("sequence")),
                col("name", ColumnType.STRING, gen("faker_name")),
                col(
                    "city",
                    ColumnType.STRING,
                    gen("faker", "provider", "address.city", "locale", "ja")),
                col("email", ColumnType.STRING, gen("faker_email")),
                nullable("score", ColumnType.DOUBLE, 0.1, gen("normal", "mean", 0, "std", 1)),
                col("vip", ColumnType.BOOL, gen("bool", "p", 0.1)),
                col(
                    "since",
                    ColumnType.DATE,
                    gen("date_between", "start", "-3650d", "end", "0d")))),
        11);
  }

  private static RecordingSink run(int parallelism, int batchSize, Map<String, Long> resume) {
    RecordingSink sink = new RecordingSink();
    new RunEngine(parallelism, batchSize)
        .run(
            PLAN,
            sink,
            TableMode.TRUNCATE_THEN_INSERT,
            resume,
            RunListener.NONE,
            new CancelToken());
    assertEquals(0, sink.openWriters.get(), "a writer was left open");
    return sink;
  }

  @Test
  void outputIsIdenticalForEveryParallelismAndBatchSize() {
    List<String> reference = run(1, 4096, Map.of()).lines;
    assertEquals(CUSTOMERS + ORDERS, reference.size());
    assertEquals(reference, run(1, 7, Map.of()).lines, "parallelism 1, batch 7");
    assertEquals(reference, run(4, 7, Map.of()).lines, "parallelism 4, batch 7");
    assertEquals(reference, run(4, 4096, Map.of()).lines, "parallelism 4, batch 4096");
  }

  @Test
  void writesExactCountsInRowOrderParentsFirst() {
    RecordingSink sink = run(4, 100, Map.of());
    List<String> customers = sink.linesOf("customers");
    List<String> orders = sink.linesOf("orders");
    assertEquals(CUSTOMERS, customers.size());
    assertEquals(ORDERS, orders.size());
    assertEquals(customers, sink.lines.subList(0, CUSTOMERS), "customers must come first");
    for (int i = 0; i < ORDERS; i++) {
      assertTrue(orders.get(i).startsWith("orders|" + i + "|"), "out of order: " + orders.get(i));
    }
    assertEquals(TableMode.TRUNCATE_THEN_INSERT, sink.preparedMode);
    assertEquals(
        List.of(
            "prepare [customers, orders]",
            "open customers at 0",
            "finish customers",
            "close customers",
            "open orders at 0",
            "finish orders",
            "close orders"),
        sink.events);
  }

  @Test
  void reportsProgressUpToEveryEntitysRowCount() {
    List<String> seen = new ArrayList<>();
    RunListener listener =
        new RunListener() {
          long last = -1;

          @Override
          public void entityStarted(CompiledEntity entity, long startRow) {
            last = startRow;
            seen.add("start " + entity.name());
          }

          @Override
          public void progress(CompiledEntity entity, long rowsDone) {
            assertTrue(rowsDone > last && rowsDone <= entity.rows(), "progress " + rowsDone);
            last = rowsDone;
          }

          @Override
          public void entityFinished(EntityStats stats) {
            assertEquals(last, stats.rows(), "finished before all rows were reported");
            seen.add("done " + stats.entity() + " " + stats.rows());
          }
        };
    new RunEngine(4, 333)
        .run(
            PLAN,
            new RecordingSink(),
            TableMode.APPEND_ONLY,
            Map.of(),
            listener,
            new CancelToken());
    assertEquals(
        List.of("start customers", "done customers 1000", "start orders", "done orders 2500"),
        seen);
  }

  @Test
  void cancelStopsEarlyAndKeepsAPrefixOfTheFullOutput() {
    List<String> full = run(1, 4096, Map.of()).lines;
    for (int parallelism : new int[] {1, 4}) {
      CancelToken cancel = new CancelToken();
      RecordingSink sink = new RecordingSink();
      RunListener cancelAfter300 =
          new RunListener() {
            @Override
            public void progress(CompiledEntity entity, long rowsDone) {
              if (rowsDone >= 300) {
                cancel.cancel();
              }
            }
          };
      RunEngine engine = new RunEngine(parallelism, 50);
      assertThrows(
          RunCancelledException.class,
          () -> engine.run(PLAN, sink, TableMode.APPEND_ONLY, Map.of(), cancelAfter300, cancel));
      assertEquals(300, sink.lines.size(), "parallelism " + parallelism);
      assertEquals(full.subList(0, 300), sink.lines);
      assertEquals(0, sink.openWriters.get(), "the writer was not closed after cancel");
      assertTrue(sink.events.contains("finish customers"), "rows before the cancel not finished");
    }
  }

  @Test
  void aCancelBeforeTheStartWritesNothing() {
    CancelToken cancel = new CancelToken();
    cancel.cancel();
    RecordingSink sink = new RecordingSink();
    assertThrows(
        RunCancelledException.class,
        () ->
            new RunEngine(2, 64)
                .run(PLAN, sink, TableMode.APPEND_ONLY, Map.of(), RunListener.NONE, cancel));
    assertTrue(sink.lines.isEmpty());
  }

  @Test
  void resumingFromACheckpointWritesExactlyTheTail() {
    List<String> full = run(1, 4096, Map.of()).lines;
    for (long k : new long[] {0, 1, 1234, ORDERS - 1, ORDERS}) {
      for (int parallelism : new int[] {1, 4}) {
        RecordingSink sink =
            run(parallelism, 64, Map.of("customers", (long) CUSTOMERS, "orders", k));
        assertEquals(
            full.subList(CUSTOMERS + (int) k, full.size()),
            sink.lines,
            "resume orders at " + k + ", parallelism " + parallelism);
        assertEquals(TableMode.APPEND_ONLY, sink.preparedMode, "a resumed run must not truncate");
      }
    }
    RecordingSink mid = run(4, 64, Map.of("customers", 700L, "orders", 0L));
    assertEquals(full.subList(700, full.size()), mid.lines);
  }

  @Test
  void aFailingEncoderFailsTheRunWithItsOwnException() {
    RecordingSink sink = new RecordingSink();
    sink.failAtRow = 256;
    IllegalStateException ex =
        assertThrows(
            IllegalStateException.class,
            () ->
                new RunEngine(4, 64)
                    .run(
                        PLAN,
                        sink,
                        TableMode.APPEND_ONLY,
                        Map.of(),
                        RunListener.NONE,
                        new CancelToken()));
    assertTrue(ex.getMessage().contains("row 256"), ex.getMessage());
    assertEquals(256, sink.lines.size(), "rows before the failing batch must be written");
    assertEquals(0, sink.openWriters.get());
  }

  @Test
  void valueFormatMatchesJavaTime() {
    for (long day = -800_000; day < 3_000_000; day += 997) {
      assertEquals(java.time.LocalDate.ofEpochDay(day).toString(), ValueFormat.date(day));
    }
    for (long ms = -5_000_000_000_000L; ms < 200_000_000_000_000L; ms += 99_999_999_937L) {
      String expected =
          java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
              .withZone(java.time.ZoneOffset.UTC)
              .format(java.time.Instant.ofEpochMilli(ms));
      assertEquals(expected, ValueFormat.timestamp(ms), "epoch ms " + ms);
    }
    assertEquals(
        "123e4567-e89b-42d3-a456-426614174000",
        ValueFormat.uuid(0x123e4567e89b42d3L, 0xa456426614174000L));
  }
}
