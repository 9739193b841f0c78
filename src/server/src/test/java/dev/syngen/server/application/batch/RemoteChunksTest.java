package dev.syngen.server.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunCancelledException;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.server.infrastructure.persistence.ChunkPosition;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's side of a chunk against a shared history database that fails for a moment: a
 * failed read or write of the partition's row is tried again, and the run fails only when the chunk
 * timeout passes, with what the database said. A cluster run once failed with nothing but
 * "TransactionalException" while one executor was hung (SIGSTOP) and another had died.
 */
class RemoteChunksTest {
  private static final CompiledEntity ITEMS =
      new CompiledEntity("items", "items", 1000, true, List.of());

  private final List<ChunkOrder> sent = new ArrayList<>();
  private final List<String> runLog = new ArrayList<>();
  private final List<String> history = new ArrayList<>();
  private final AtomicInteger positionFailures = new AtomicInteger();
  private final AtomicInteger countFailures = new AtomicInteger();
  private volatile long nextRow = 0;

  @Test
  void aPositionTheDatabaseCouldNotReadIsReadAgainAndTheChunkCompletes() {
    positionFailures.set(3);
    RemoteChunks chunks = chunks(60, 30);
    BatchRun run = run();
    nextRowAfterSend(100);

    assertEquals(4_096, chunks.write(run, ITEMS, 0, 400, new RowSpan(0, 100)));
    assertNull(run.error(), "the run goes on");
    assertEquals(List.of("open items/0"), history, "the partition's row exists before the send");
    assertEquals(1, sent.size(), "sent once");
    assertEquals(1, runLog.size(), "one line for the failures in a row: " + runLog);
    assertTrue(
        runLog.get(0).contains("could not read the partition's position")
            && runLog.get(0).contains("RollbackException: ERROR: deadlock detected")
            && runLog.get(0).contains("trying again"),
        runLog.get(0));
  }

  @Test
  void aChunkSentAgainIsSentEvenWhenTheDatabaseCouldNotCountIt() {
    countFailures.set(1);
    RemoteChunks chunks = chunks(1, 30);
    BatchRun run = run();

    inBackground(
        () -> {
          // an executor reports the chunk only once it was sent a second time
          while (sentCount() < 2) {
            Thread.onSpinWait();
          }
          nextRow = 200;
        });
    assertEquals(4_096, chunks.write(run, ITEMS, 0, 400, new RowSpan(100, 200)));
    assertNull(run.error());
    assertTrue(sentCount() >= 2, "sent again: " + sent);
    assertTrue(history.isEmpty(), "a later chunk's partition already has its row: " + history);
    assertEquals(1, chunks.redispatched());
    assertTrue(runLog.get(0).contains("redispatched after 1 s"), runLog.toString());
  }

  @Test
  void aDatabaseThatStaysDownFailsTheChunkAtTheTimeoutWithWhatItSaid() {
    positionFailures.set(Integer.MAX_VALUE);
    RemoteChunks chunks = chunks(60, 1);
    BatchRun run = run();

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> chunks.write(run, ITEMS, 100, 500, new RowSpan(100, 200)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "could not read the partition's position for rows 100..200 of items"
                    + " (partition from row 100) in the shared history database within 1 s"
                    + " (syngen.cluster.chunk-timeout-seconds): TransactionalException:"
                    + " RollbackException: ERROR: deadlock detected"),
        e.getMessage());
    assertEquals(e.getMessage(), run.error(), "the run's error says it too");
  }

  @Test
  void aCancelEndsTheWaitForADatabaseThatIsDown() {
    positionFailures.set(Integer.MAX_VALUE);
    RemoteChunks chunks = chunks(60, 60);
    BatchRun run = run();
    inBackground(
        () -> {
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          run.requestStop();
        });
    long t0 = System.nanoTime();
    RunCancelledException e =
        assertThrows(
            RunCancelledException.class,
            () -> chunks.write(run, ITEMS, 0, 400, new RowSpan(200, 300)));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(
        millis < 10_000, "ended " + millis + " ms after the write began, not at the timeout");
    assertTrue(e.getMessage().contains("after 200 rows"), e.getMessage());
  }

  @Test
  void aPartitionIsOrderedOnceAndItsLaterChunksOnlyWaitForTheirRecord() {
    RemoteChunks chunks = chunks(60, 30);
    BatchRun run = run();
    // the executor writes the whole partition once it is ordered
    nextRowAfterSend(400);

    for (long from = 0; from < 400; from += 100) {
      assertEquals(4_096, chunks.write(run, ITEMS, 0, 400, new RowSpan(from, from + 100)));
    }
    assertEquals(1, sent.size(), "one order for the partition's four chunks: " + sent);
    assertEquals(List.of(0L, 100L, 400L), rows(sent.get(0)));
    assertEquals(List.of("open items/0"), history);

    // the next partition, and this one's chunks again from the start (a restarted step), are
    // ordered anew
    nextRowAfterSend(800);
    assertEquals(4_096, chunks.write(run, ITEMS, 400, 800, new RowSpan(400, 500)));
    nextRowAfterSend(400);
    assertEquals(4_096, chunks.write(run, ITEMS, 0, 400, new RowSpan(0, 100)));
    assertEquals(3, sent.size(), sent.toString());
    assertEquals(List.of(400L, 500L, 800L), rows(sent.get(1)));
  }

  @Test
  void aChunkAfterAFailedOneIsOrderedAnew() {
    positionFailures.set(Integer.MAX_VALUE);
    RemoteChunks chunks = chunks(60, 1);
    BatchRun run = run();
    assertThrows(
        IllegalStateException.class, () -> chunks.write(run, ITEMS, 0, 400, new RowSpan(0, 100)));
    positionFailures.set(0);
    nextRowAfterSend(400);

    assertEquals(4_096, chunks.write(run, ITEMS, 0, 400, new RowSpan(100, 200)));
    assertEquals(2, sent.size(), "the restarted chunk is sent: " + sent);
  }

  /** An order's first chunk, from and to, and its partition's end. */
  private static List<Long> rows(ChunkOrder order) {
    return List.of(order.from(), order.to(), order.end());
  }

  /** Runs {@code work} beside the test: an executor's report, an admin's cancel. */
  private static void inBackground(Runnable work) {
    Thread t = new Thread(work);
    t.setDaemon(true);
    t.start();
  }

  private synchronized int sentCount() {
    return sent.size();
  }

  private void nextRowAfterSend(long row) {
    // the executor writes the chunk as soon as it is sent
    onSend = () -> nextRow = row;
  }

  private Runnable onSend = () -> {};

  private RemoteChunks chunks(long redispatchSeconds, long timeoutSeconds) {
    RemoteChunks chunks = new RemoteChunks();
    chunks.settings = new BatchSettings();
    chunks.settings.chunkAttempts = 3;
    chunks.settings.chunkRedispatchSeconds = redispatchSeconds;
    chunks.settings.chunkTimeoutSeconds = timeoutSeconds;
    chunks.queue =
        new ChunkQueue() {
          @Override
          public void send(ChunkOrder order) {
            synchronized (RemoteChunksTest.this) {
              sent.add(order);
            }
            onSend.run();
          }
        };
    chunks.jobs =
        new JpaBatchJobs() {
          @Override
          public void open(String runId, String entity, long firstRow) {
            history.add("open " + entity + "/" + firstRow);
          }

          @Override
          public ChunkPosition position(String runId, String entity, long firstRow) {
            if (positionFailures.getAndDecrement() > 0) {
              throw unavailable();
            }
            return new ChunkPosition(nextRow, 4_096, "exec@host", null, "exec@host");
          }

          @Override
          public void redispatched(String runId, String entity, long firstRow, boolean clearError) {
            if (countFailures.getAndDecrement() > 0) {
              throw unavailable();
            }
          }
        };
    chunks.records =
        new BatchRecords() {
          @Override
          public void log(
              String runId, String level, String entity, String message, String traceId) {
            RemoteChunksTest.this.runLog.add(message);
          }
        };
    chunks.reported = new Ignored<>();
    return chunks;
  }

  /** What Liberty's transactional interceptor throws when a commit rolls back. */
  private static RuntimeException unavailable() {
    RollbackException rollback = new RollbackException();
    rollback.initCause(new SQLException("ERROR: deadlock detected", "40P01"));
    return new TransactionalException(null, rollback);
  }

  private static BatchRun run() {
    RunRecord record =
        BatchProgressTest.record(
            RunStatus.RUNNING, List.of(new EntityProgress("items", "items", 1000, 0, 0)));
    BatchProgress progress = new BatchProgress(record, List.of(), RunListener.NONE, r -> {});
    return new BatchRun(
        record,
        BatchLauncherTest.prepared(TrafficRequest.NONE),
        null,
        "trace",
        null,
        false,
        List.of(),
        null,
        100,
        null,
        progress,
        r -> {});
  }

  /** An event nobody observes. */
  private static final class Ignored<T> implements Event<T> {
    @Override
    public void fire(T event) {}

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      return new Ignored<>();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      return new Ignored<>();
    }
  }
}
