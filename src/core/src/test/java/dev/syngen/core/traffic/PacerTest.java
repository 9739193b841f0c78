package dev.syngen.core.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing on a simulated clock: sleeping advances time, so rates are checked exactly, not timed. */
class PacerTest {
  /** A clock that only moves when the pacer sleeps or the "target" takes time to write. */
  private static final class FakeTime {
    long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    void sleep(long nanos) {
      sleeps.add(nanos);
      now += nanos;
    }
  }

  private static Traffic traffic(String rate, TrafficMode mode, long logicalBytes) {
    return new Traffic(Rate.parse(rate), mode, Duration.ofSeconds(1), null, null, logicalBytes);
  }

  /** Sends {@code chunks} chunks of {@code records} records; returns the simulated seconds. */
  private static double send(
      Pacer p, FakeTime t, int chunks, int records, long bytes, long writeNanos)
      throws InterruptedException {
    long start = t.now;
    for (int i = 0; i < chunks; i++) {
      p.acquire(records, bytes);
      t.now += writeNanos;
    }
    return (t.now - start) / 1e9;
  }

  @Test
  void steadyHoldsARecordRateWithinOnePercent() throws InterruptedException {
    FakeTime t = new FakeTime();
    Pacer p = Pacer.of(traffic("50k/s", TrafficMode.STEADY, 0), () -> t.now, t::sleep);
    double secs = send(p, t, 1000, 1000, 0, 100_000);
    double achieved = 1000 * 1000 / secs;
    assertEquals(50_000, achieved, 500, "achieved " + achieved);
    assertTrue(t.sleeps.stream().allMatch(n -> n <= 20_000_000L), "even: no long pauses");
  }

  @Test
  void steadyHoldsAByteRateAndCatchesUpOnlyAShortStall() throws InterruptedException {
    FakeTime t = new FakeTime();
    Pacer p = Pacer.of(traffic("1MB/s", TrafficMode.STEADY, 0), () -> t.now, t::sleep);
    send(p, t, 10, 10, 10_000, 0);
    t.now += 5_000_000_000L; // the target stalled for 5 s
    long before = t.sleeps.size();
    double secs = send(p, t, 100, 10, 10_000, 0);
    assertTrue(t.sleeps.size() > before, "after the stall, pacing resumes");
    assertEquals(1.0 - 0.2, secs, 0.02, "only 200 ms of credit is caught up");
  }

  @Test
  void burstSendsAWindowAtFullSpeedThenIdles() throws InterruptedException {
    FakeTime t = new FakeTime();
    Pacer p = Pacer.of(traffic("10k/s", TrafficMode.BURST, 0), () -> t.now, t::sleep);
    double secs = send(p, t, 100, 1000, 0, 1_000_000);
    assertEquals(100 * 1000 / 10_000.0, secs, 1.0, "average holds over whole windows");
    assertTrue(t.sleeps.stream().anyMatch(n -> n > 900_000_000L), "idles most of each window");
  }

  @Test
  void sampledPacesLogicalBytes() throws InterruptedException {
    FakeTime t = new FakeTime();
    Pacer p = Pacer.of(traffic("1MB/s", TrafficMode.SAMPLED, 10_000), () -> t.now, t::sleep);
    double secs = send(p, t, 200, 1, 100, 0);
    assertEquals(2.0, secs, 0.05, "200 records standing for 10 kB each at 1 MB/s take 2 s");
  }

  @Test
  void batchesShrinkToASliceOfTheRate() {
    assertEquals(4096, Traffic.UNLIMITED.batchSize(4096));
    assertEquals(20, traffic("1000", TrafficMode.STEADY, 0).batchSize(4096));
    assertEquals(4096, traffic("10m/s", TrafficMode.STEADY, 0).batchSize(4096));
  }
}
