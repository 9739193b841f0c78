package dev.syngen.cli;

import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledEntity;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A one-line terminal progress bar with the achieved rows/s (and MB/s when the target reports
 * sizes) and ETA, redrawn at most five times a second. With a duration, progress is time.
 */
final class ProgressBar implements RunListener {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final long total;
  private final long t0 = System.nanoTime();
  private final Map<String, Long> doneByEntity = new HashMap<>();
  private final Map<String, Long> bytesByEntity = new HashMap<>();
  private final Duration duration;
  private long done;
  private long bytes;
  private long lastDraw;

  ProgressBar(PrintWriter err, long total, Duration duration) {
    this.err = err;
    this.total = Math.max(1, total);
    this.duration = duration;
  }

  /** Rows before an entity's start (a shard's first row) are not this process's work. */
  @Override
  public void entityStarted(CompiledEntity e, long startRow) {
    doneByEntity.put(e.name(), startRow);
  }

  @Override
  public void progress(CompiledEntity e, long rowsDone, long bytesDone) {
    Long prevBytes = bytesByEntity.put(e.name(), bytesDone);
    bytes += bytesDone - (prevBytes == null ? 0 : prevBytes);
    progress(e, rowsDone);
  }

  @Override
  public void progress(CompiledEntity e, long rowsDone) {
    Long prev = doneByEntity.put(e.name(), rowsDone);
    done += rowsDone - (prev == null ? 0 : prev);
    long now = System.nanoTime();
    if (now - lastDraw > 200_000_000L || done == total) {
      lastDraw = now;
      draw(e.name());
    }
  }

  private void draw(String entity) {
    double secs = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
    double rate = done / secs;
    double fraction =
        duration == null
            ? (double) done / total
            : Math.min(1, secs / Math.max(1e-3, duration.toMillis() / 1000.0));
    long eta =
        duration == null
            ? (rate > 0 ? Math.round((total - done) / rate) : 0)
            : Math.max(0, Math.round(duration.toMillis() / 1000.0 - secs));
    int filled = (int) (WIDTH * fraction);
    err.printf(
        "\r[%s%s] %3d%%  %,d rows  %,.0f rows/s%s  ETA %d:%02d  %s   ",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        Math.round(100 * fraction),
        done,
        rate,
        bytes > 0 ? String.format("  %.1f MB/s", bytes / 1e6 / secs) : "",
        eta / 60,
        eta % 60,
        entity);
    err.flush();
  }

  void done() {
    err.println();
    err.flush();
  }
}
