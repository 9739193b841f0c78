package dev.syngen.server.infrastructure.tracing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of the newest traced runs this server executed, kept in memory for the console's trace
 * view (a collector keeps them for longer): at most {@link #MAX_RUNS} runs of at most {@link
 * #MAX_SPANS} spans each, so memory stays bounded whatever the runs do.
 */
@ApplicationScoped
public class RunTraces {
  static final int MAX_RUNS = 50;
  static final int MAX_SPANS = 2_000;

  private final Map<String, List<SpanRecord>> runs =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SpanRecord>> eldest) {
          return size() > MAX_RUNS;
        }
      };

  /** Keeps a finished span of run {@code runId}. */
  public synchronized void add(String runId, SpanRecord span) {
    List<SpanRecord> spans = runs.computeIfAbsent(runId, k -> new ArrayList<>());
    if (spans.size() < MAX_SPANS) {
      spans.add(span);
    }
  }

  /** The run's spans in the order they started; empty when it was not traced here. */
  public synchronized List<SpanRecord> spans(String runId) {
    List<SpanRecord> spans = new ArrayList<>(runs.getOrDefault(runId, List.of()));
    spans.sort(Comparator.comparing(SpanRecord::start));
    return spans;
  }
}
