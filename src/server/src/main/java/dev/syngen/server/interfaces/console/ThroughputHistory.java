package dev.syngen.server.interfaces.console;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last samples of the dashboard's charts (total rows/s of running runs, failed share of recent
 * runs), kept on the server so a page opened now draws the last minutes, not only from now on.
 */
final class ThroughputHistory {
  /** One sample: epoch millis, rows per second, failed share. */
  record Sample(long time, double rowsPerSecond, double errorRate) {}

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

  /** The samples, oldest first, as a JSON array of {time, rowsPerSecond, errorRate}. */
  synchronized JsonArrayBuilder json() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (Sample s : samples) {
      a.add(
          Json.createObjectBuilder()
              .add("time", s.time())
              .add("rowsPerSecond", s.rowsPerSecond())
              .add("errorRate", s.errorRate()));
    }
    return a;
  }

  synchronized int size() {
    return samples.size();
  }
}
