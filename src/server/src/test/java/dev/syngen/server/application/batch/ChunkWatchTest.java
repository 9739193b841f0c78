package dev.syngen.server.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.server.application.batch.ChunkWatch.Next;
import dev.syngen.server.infrastructure.persistence.ChunkPosition;
import org.junit.jupiter.api.Test;

class ChunkWatchTest {
  private static final long S = 1_000_000_000L;

  /** Rows 100..200 of a partition from row 100; 3 attempts, resend after 60 s, timeout 300 s. */
  private static ChunkWatch watch() {
    return new ChunkWatch(200, 3, 60 * S, 300 * S, 0);
  }

  private static ChunkPosition at(long nextRow, String error) {
    return new ChunkPosition(nextRow, 0, "exec1@host", error, "exec1@host");
  }

  @Test
  void aChunkIsWrittenOnceItsPartitionIsPastIt() {
    ChunkWatch w = watch();
    assertEquals(Next.WAIT, w.next(at(100, null), S));
    assertEquals(Next.WRITTEN, w.next(at(200, null), 2 * S));
  }

  @Test
  void anUnreportedChunkIsSentAgainEachRedispatchTimeUntilTheTimeout() {
    ChunkWatch w = watch();
    assertEquals(Next.WAIT, w.next(at(100, null), 59 * S));
    assertEquals(Next.RESEND_UNREPORTED, w.next(at(100, null), 60 * S));
    assertEquals(Next.WAIT, w.next(at(100, null), 119 * S));
    assertEquals(Next.RESEND_UNREPORTED, w.next(at(100, null), 120 * S));
    assertEquals(Next.TIME_OUT, w.next(at(100, null), 301 * S));
    assertEquals(0, w.failures());
  }

  @Test
  void aFailedChunkIsSentAgainUntilItsLastAttemptFails() {
    ChunkWatch w = watch();
    assertEquals(Next.RESEND_FAILED, w.next(at(100, "Connection attempt timed out."), S));
    assertEquals(1, w.failures());
    // the resend restarts the redispatch clock
    assertEquals(Next.WAIT, w.next(at(100, null), 60 * S));
    assertEquals(Next.RESEND_FAILED, w.next(at(100, "relation \"items\" does not exist"), 62 * S));
    assertEquals(Next.FAIL, w.next(at(100, "relation \"items\" does not exist"), 63 * S));
    assertEquals(3, w.failures());
  }

  @Test
  void aChunkWrittenByAnotherExecutorCountsEvenWhenOneReportedAFailure() {
    ChunkWatch w = watch();
    assertEquals(Next.WRITTEN, w.next(at(200, "stale report of the first attempt"), S));
  }

  @Test
  void oneAttemptFailsAtTheFirstFailure() {
    ChunkWatch w = new ChunkWatch(200, 1, 60 * S, 300 * S, 0);
    assertEquals(Next.FAIL, w.next(at(100, "boom"), S));
  }
}
