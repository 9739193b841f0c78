package dev.syngen.core.traffic;

import java.util.function.LongSupplier;

/**
 * Holds a run to its {@link Traffic} rate: {@link #acquire} blocks the writing thread until the
 * next chunk may go. Time and sleeping are injected so pacing is tested without a wall clock.
 */
public abstract class Pacer {
  /** Sleeps a number of nanoseconds; the production one is {@link Thread#sleep}. */
  public interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  /** Credit kept after a stall, so a short hiccup is caught up but a long one does not flood. */
  static final long MAX_CREDIT_NANOS = 200_000_000L;

  protected final LongSupplier clock;
  protected final Sleeper sleeper;
  private final Traffic traffic;

  Pacer(Traffic traffic, LongSupplier clock, Sleeper sleeper) {
    this.traffic = traffic;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  public static Pacer of(Traffic traffic) {
    return of(traffic, System::nanoTime, Pacer::sleep);
  }

  public static Pacer of(Traffic traffic, LongSupplier clock, Sleeper sleeper) {
    if (!traffic.paced()) {
      return new Unpaced(traffic);
    }
    return traffic.mode() == TrafficMode.BURST
        ? new BurstPacer(traffic, clock, sleeper)
        : new SteadyPacer(traffic, clock, sleeper);
  }

  private static void sleep(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }

  /** True when the rate counts bytes and the target must report chunk sizes. */
  public boolean needsBytes() {
    return traffic.paced()
        && traffic.rate().unit() == Rate.Unit.BYTES
        && traffic.mode() != TrafficMode.SAMPLED;
  }

  /** Waits until {@code records} records of {@code bytes} bytes may be sent. */
  public final void acquire(long records, long bytes) throws InterruptedException {
    if (traffic.paced()) {
      pace(units(records, bytes) / traffic.rate().perSecond());
    }
  }

  private double units(long records, long bytes) {
    if (traffic.rate().unit() == Rate.Unit.RECORDS) {
      return records;
    }
    return traffic.mode() == TrafficMode.SAMPLED
        ? (double) records * traffic.logicalRecordBytes()
        : bytes;
  }

  /** Waits as the mode says for a chunk worth {@code seconds} of the rate. */
  abstract void pace(double seconds) throws InterruptedException;

  private static final class Unpaced extends Pacer {
    Unpaced(Traffic t) {
      super(t, () -> 0, n -> {});
    }

    @Override
    void pace(double seconds) {}
  }
}
