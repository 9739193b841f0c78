package dev.syngen.server.interfaces.console;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last samples of the dashboard's charts (total rows/s of running runs, failed share of recent
 * runs, and the server's CPU, heap, GC pauses and threads), kept on the server so a page opened now
 * draws the last minutes, not only from now on.
 */
final class ThroughputHistory {
  /** One sample: epoch millis, rows per second, failed share, the JVM's resources. */
  record Sample(long time, double rowsPerSecond, double errorRate, JvmResources.Reading jvm) {
    Sample(long time, double rowsPerSecond, double errorRate) {
      this(time, rowsPerSecond, errorRate, new JvmResources.Reading(-1, 0, 0, 0, 0));
    }
  }

  private final int capacity;
  private final Deque<Sample> samples = new ArrayDeque<>();

  ThroughputHistory(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Sample s) {
    if (samples.size() == capacity) {
      samples.removeFirst();
    }
    samples.addLast(s);
  }

  /** The samples, oldest first, as a JSON array of {@link #json(Sample)} objects. */
  synchronized JsonArrayBuilder json() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (Sample s : samples) {
      a.add(json(s));
    }
    return a;
  }

  /**
   * One sample as {time, rowsPerSecond, errorRate, cpu (percent, -1 unknown), heapUsedMb,
   * heapMaxMb, gcMillis (collection time since the previous sample), threads}.
   */
  static JsonObjectBuilder json(Sample s) {
    JvmResources.Reading r = s.jvm();
    return Json.createObjectBuilder()
        .add("time", s.time())
        .add("rowsPerSecond", s.rowsPerSecond())
        .add("errorRate", s.errorRate())
        .add("cpu", r.cpu() < 0 ? -1 : Math.round(r.cpu() * 1000) / 10.0)
        .add("heapUsedMb", Math.round(r.heapUsedMb()))
        .add("heapMaxMb", Math.round(r.heapMaxMb()))
        .add("gcMillis", r.gcMillis())
        .add("threads", r.threads());
  }

  /**
   * Whether the last minute looks memory-bound: the heap above 85 % of its maximum in most of its
   * samples, or garbage collection taking more than a tenth of the time; null when it does not,
   * else what was seen.
   */
  synchronized String memoryBound(int lastSamples) {
    int n = 0;
    int high = 0;
    long gc = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    java.util.Iterator<Sample> it = samples.descendingIterator();
    while (it.hasNext() && n < lastSamples) {
      Sample s = it.next();
      if (s.jvm().heapMaxMb() <= 0) {
        continue;
      }
      n++;
      high += s.jvm().heapShare() > 0.85 ? 1 : 0;
      gc += s.jvm().gcMillis();
      first = Math.min(first, s.time());
      last = Math.max(last, s.time());
    }
    if (n < 10) {
      return null;
    }
    long span = Math.max(1000, last - first + 1000);
    double gcShare = gc / (double) span;
    if (high * 2 > n || gcShare > 0.10) {
      return String.format(
          java.util.Locale.ROOT,
          "heap above 85%% of its maximum in %d of the last %d s; garbage collection took %.0f%%"
              + " of the time",
          high,
          n,
          gcShare * 100);
    }
    return null;
  }

  synchronized int size() {
    return samples.size();
  }
}
