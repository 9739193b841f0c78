package dev.syngen.server.interfaces.console;

import dev.syngen.server.infrastructure.tracing.SpanRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the trace view: a span with its depth under the run's span, its start after the run's
 * start and its duration, in milliseconds with one decimal.
 */
public record SpanLine(
    String traceId,
    String spanId,
    String name,
    int depth,
    String startMs,
    String durationMs,
    long rows) {

  /** Rows for {@code spans} (in start order): depth from the parent links, times from the first. */
  static List<SpanLine> of(List<SpanRecord> spans) {
    if (spans.isEmpty()) {
      return List.of();
    }
    Map<String, String> parents = new HashMap<>();
    spans.forEach(s -> parents.put(s.spanId(), s.parentSpanId()));
    var origin = spans.get(0).start();
    List<SpanLine> lines = new ArrayList<>();
    for (SpanRecord s : spans) {
      lines.add(
          new SpanLine(
              s.traceId(),
              s.spanId(),
              s.name(),
              depth(s.spanId(), parents),
              ms(Duration.between(origin, s.start()).toNanos() / 1_000),
              ms(s.durationMicros()),
              s.rows()));
    }
    return lines;
  }

  private static int depth(String spanId, Map<String, String> parents) {
    int depth = 0;
    String p = parents.get(spanId);
    while (p != null && parents.containsKey(p) && depth < 16) {
      depth++;
      p = parents.get(p);
    }
    return depth;
  }

  private static String ms(long micros) {
    return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
  }
}
