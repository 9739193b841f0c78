package dev.syngen.io.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads RFC 4180 records as the CSV sink writes them: quoted fields may hold commas, quotes and
 * line breaks; an empty unquoted field is NULL, {@code ""} the empty string. Records can be skipped
 * without decoding, which is what makes sampling a large file cheap.
 */
final class CsvReader implements AutoCloseable {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private byte[] field = new byte[256];

  CsvReader(InputStream in) {
    this.in = in;
  }

  private int peek() throws IOException {
    if (pos == lim) {
      lim = in.read(buf, 0, buf.length);
      pos = 0;
      if (lim <= 0) {
        lim = 0;
        return -1;
      }
    }
    return buf[pos] & 0xFF;
  }

  private int take() throws IOException {
    int b = peek();
    if (b >= 0) {
      pos++;
    }
    return b;
  }

  /** True when no record is left. */
  boolean atEnd() throws IOException {
    return peek() < 0;
  }

  /** Reads the next record into {@code out} (cleared first); false at the end of the file. */
  boolean read(List<String> out) throws IOException {
    out.clear();
    if (peek() < 0) {
      return false;
    }
    while (true) {
      int len = 0;
      boolean quoted = peek() == '"';
      int b;
      if (quoted) {
        take();
        while (true) {
          b = take();
          if (b < 0) {
            break;
          }
          if (b == '"') {
            if (peek() == '"') {
              take();
            } else {
              b = take();
              break;
            }
          }
          len = put(len, b);
        }
      } else {
        while (true) {
          b = take();
          if (b < 0 || b == ',' || b == '\n') {
            break;
          }
          len = put(len, b);
        }
        if (len > 0 && field[len - 1] == '\r' && b != ',') {
          len--;
        }
      }
      out.add(!quoted && len == 0 ? null : new String(field, 0, len, StandardCharsets.UTF_8));
      if (b != ',') {
        return true;
      }
    }
  }

  /** Skips the next record; false at the end of the file. */
  boolean skip() throws IOException {
    if (peek() < 0) {
      return false;
    }
    boolean quoted = false;
    while (true) {
      if (pos == lim && peek() < 0) {
        return true;
      }
      byte b = buf[pos++];
      if (b == '"') {
        quoted = !quoted; // a doubled quote toggles twice
      } else if (b == '\n' && !quoted) {
        return true;
      }
    }
  }

  private int put(int len, int b) {
    if (len == field.length) {
      field = Arrays.copyOf(field, field.length * 2);
    }
    field[len] = (byte) b;
    return len + 1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
