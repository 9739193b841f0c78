package dev.syngen.io.file;

import dev.syngen.core.sink.SinkException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The file one entity is written to, rotated by size: when the next record would take it past the
 * limit, the file is closed, renamed {@code <table>.<yyyyMMdd'T'HHmmss.SSS'Z'><ext>} (so names sort
 * in rotation order) and a fresh one (with the format's header) is started. Rotation happens only
 * between records, so the rotated files, concatenated without their repeated headers, are byte for
 * byte the unrotated file.
 */
final class RotatingFile implements AutoCloseable {
  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final String extension;
  private final byte[] header;
  private final long limit;
  private final Clock clock;
  private OutputStream out;
  private long size;

  RotatingFile(
      Path file, String extension, byte[] header, long limit, boolean replace, Clock clock) {
    this.file = file;
    this.extension = extension;
    this.header = header;
    this.limit = limit;
    this.clock = clock;
    try {
      boolean fresh = replace || !Files.isRegularFile(file) || Files.size(file) == 0;
      size = fresh ? 0 : Files.size(file);
      out =
          replace
              ? Files.newOutputStream(file)
              : Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      if (fresh) {
        put(header, 0, header.length);
      }
    } catch (IOException e) {
      throw new SinkException("cannot open " + file + " for writing: " + e.getMessage(), e);
    }
  }

  Path path() {
    return file;
  }

  long size() {
    return size;
  }

  /** Appends {@code data[from, to)}: whole records. */
  void write(byte[] data, int from, int to) {
    put(data, from, to - from);
  }

  /**
   * Whether a record of {@code length} bytes, written after {@code pending} more bytes, would take
   * the file past its limit; a file holding only its header always takes one record.
   */
  boolean full(long pending, int length) {
    return limit > 0 && size + pending > header.length && size + pending + length > limit;
  }

  /**
   * Closes the full file, renames it with a UTC timestamp and starts a new one; returns its name.
   */
  Path rotate() {
    close();
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.length() - extension.length());
    // names sort in rotation order: a clash within a millisecond takes the next free millisecond
    java.time.Instant at = clock.instant();
    Path target = file.resolveSibling(stem + "." + SUFFIX.format(at) + extension);
    while (Files.exists(target)) {
      at = at.plusMillis(1);
      target = file.resolveSibling(stem + "." + SUFFIX.format(at) + extension);
    }
    try {
      Files.move(file, target);
      out = Files.newOutputStream(file);
      size = 0;
      put(header, 0, header.length);
      return target;
    } catch (IOException e) {
      throw new SinkException("cannot rotate " + file + " to " + target + ": " + e.getMessage(), e);
    }
  }

  private void put(byte[] b, int off, int len) {
    try {
      out.write(b, off, len);
      size += len;
    } catch (IOException e) {
      throw new SinkException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new SinkException("cannot flush " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (out == null) {
      return;
    }
    try {
      out.close();
      out = null;
    } catch (IOException e) {
      throw new SinkException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }
}
