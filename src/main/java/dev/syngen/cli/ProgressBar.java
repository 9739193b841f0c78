package dev.syngen.cli;

import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledEntity;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/** A one-line terminal progress bar with rows/s and ETA, redrawn at most five times a second. */
final class ProgressBar implements RunListener {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final long total;
  private final long t0 = System.nanoTime();
  private final Map<String, Long> doneByEntity = new HashMap<>();
  private long done;
  private long lastDraw;

  ProgressBar(PrintWriter err, long total) {
    this.err = err;
    this.total = Math.max(1, total);
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
    long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    int filled = (int) (WIDTH * done / total);
    err.printf(
        "\r[%s%s] %3d%%  %,d/%,d rows  %,.0f rows/s  ETA %d:%02d  %s   ",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        100 * done / total,
        done,
        total,
        rate,
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
