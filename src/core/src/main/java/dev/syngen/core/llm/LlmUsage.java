package dev.syngen.core.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run's LLM columns cost: per column (by stream key) the requests sent, cache hits,
 * fallbacks (answers from a fallback provider), fallback values (cells written by the declared
 * fallback generator), input/output tokens, estimated cost and request latencies.
 */
public final class LlmUsage {
  private final Map<Long, Column> columns = new ConcurrentHashMap<>();
  private final Map<String, Column> providers = new ConcurrentHashMap<>();

  /** One column's counts; thread-safe. */
  public static final class Column {
    private long requests;
    private long cacheHits;
    private long fallbacks;
    private long fallbackValues;
    private long inputTokens;
    private long outputTokens;
    private double cost;
    private long[] latencies = new long[64];
    private int n;
    private final Map<String, Column> byProvider;

    Column(Map<String, Column> byProvider) {
      this.byProvider = byProvider;
    }

    synchronized void hit() {
      cacheHits++;
    }

    /** Values written by the column's declared fallback generator (no provider answered). */
    synchronized void fellBack(long values) {
      fallbackValues += values;
    }

    synchronized void answered(LlmRoute.Routed r) {
      requests++;
      fallbacks += r.fallback() ? 1 : 0;
      inputTokens += r.answer().inputTokens();
      outputTokens += r.answer().outputTokens();
      cost += r.provider().cost(r.answer().inputTokens(), r.answer().outputTokens());
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = r.latencyNanos();
      if (byProvider != null) {
        byProvider.computeIfAbsent(r.provider().id(), id -> new Column(null)).answered(r);
      }
    }

    public synchronized Summary summary() {
      return summarise(List.of(this));
    }
  }

  /** A snapshot of counts; latencies in milliseconds (0 when no request was sent). */
  public record Summary(
      long requests,
      long cacheHits,
      long fallbacks,
      long inputTokens,
      long outputTokens,
      double cost,
      double p50Millis,
      double p95Millis,
      long fallbackValues,
      double p99Millis) {}

  Column column(long key) {
    return columns.computeIfAbsent(key, k -> new Column(providers));
  }

  /** Summaries by column stream key, for the columns that asked anything. */
  public Map<Long, Summary> byColumn() {
    Map<Long, Summary> m = new java.util.TreeMap<>();
    columns.forEach((k, c) -> m.put(k, c.summary()));
    return m;
  }

  /** Summaries by the id of the provider that answered, for the providers that answered. */
  public Map<String, Summary> byProvider() {
    Map<String, Summary> m = new java.util.TreeMap<>();
    providers.forEach((id, c) -> m.put(id, c.summary()));
    return m;
  }

  /** The whole run: counts summed, latency percentiles over every request of every column. */
  public Summary total() {
    return summarise(List.copyOf(columns.values()));
  }

  private static Summary summarise(List<Column> all) {
    long r = 0, h = 0, f = 0, fv = 0, in = 0, out = 0;
    double c = 0;
    long[] lat = new long[0];
    for (Column col : all) {
      synchronized (col) {
        r += col.requests;
        h += col.cacheHits;
        f += col.fallbacks;
        fv += col.fallbackValues;
        in += col.inputTokens;
        out += col.outputTokens;
        c += col.cost;
        int at = lat.length;
        lat = Arrays.copyOf(lat, at + col.n);
        System.arraycopy(col.latencies, 0, lat, at, col.n);
      }
    }
    Arrays.sort(lat);
    return new Summary(
        r,
        h,
        f,
        in,
        out,
        c,
        percentileMillis(lat, 0.50),
        percentileMillis(lat, 0.95),
        fv,
        percentileMillis(lat, 0.99));
  }

  private static double percentileMillis(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
