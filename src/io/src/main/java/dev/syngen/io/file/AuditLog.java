package dev.syngen.io.file;

import dev.syngen.core.sink.SinkException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * {@code <table>.audit.log}: one human-readable line every N records (which rows, which file, its
 * size), a line per rotation, and a closing line per entity. Kept apart from the data, so the data
 * files stay byte-identical while the log says when things happened.
 */
final class AuditLog implements AutoCloseable {
  private final Path path;
  private final String entity;
  private final Clock clock;
  private final Writer out;

  AuditLog(Path path, String entity, Clock clock) {
    this.path = path;
    this.entity = entity;
    this.clock = clock;
    try {
      out =
          Files.newBufferedWriter(
              path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new SinkException("cannot open audit log " + path + ": " + e.getMessage(), e);
    }
  }

  void records(long firstRow, long lastRow, Path file, long fileBytes) {
    line(
        "entity=%s rows=%d..%d records=%d file=%s bytes=%d",
        entity, firstRow, lastRow, lastRow - firstRow + 1, file.getFileName(), fileBytes);
  }

  void rotated(Path from, Path to) {
    line("entity=%s rotated file=%s to=%s", entity, from.getFileName(), to.getFileName());
  }

  void complete(long rows) {
    line("entity=%s complete rows=%d", entity, rows);
  }

  private void line(String format, Object... args) {
    try {
      out.write(clock.instant() + " " + String.format(java.util.Locale.ROOT, format, args) + "\n");
      out.flush();
    } catch (IOException e) {
      throw new SinkException("cannot write audit log " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new SinkException("cannot close audit log " + path + ": " + e.getMessage(), e);
    }
  }
}
