package dev.syngen.io.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads or skips newline-terminated lines of bytes (NDJSON records). */
final class LineReader {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private byte[] line = new byte[1024];
  private int length;

  LineReader(InputStream in) {
    this.in = in;
  }

  private boolean fill() throws IOException {
    if (pos < lim) {
      return true;
    }
    lim = in.read(buf, 0, buf.length);
    pos = 0;
    if (lim <= 0) {
      lim = 0;
      return false;
    }
    return true;
  }

  /** True when no line is left. */
  boolean atEnd() throws IOException {
    return !fill();
  }

  /** The next non-empty line (valid for {@link #length()} bytes), or null at the end. */
  byte[] next() throws IOException {
    while (true) {
      length = 0;
      boolean any = false;
      while (fill()) {
        any = true;
        byte b = buf[pos++];
        if (b == '\n') {
          break;
        }
        if (length == line.length) {
          line = Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = b;
      }
      if (!any) {
        return null;
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      if (length > 0) {
        return line;
      }
    }
  }

  int length() {
    return length;
  }

  /** Skips one line; false at the end. */
  boolean skip() throws IOException {
    if (!fill()) {
      return false;
    }
    while (fill()) {
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          pos = i + 1;
          return true;
        }
      }
      pos = lim;
    }
    return true;
  }
}
