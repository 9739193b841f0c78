package dev.syngen.io.encode;

import dev.syngen.core.engine.ValueFormat;
import java.nio.charset.StandardCharsets;

/**
 * A growable byte array that text encoders append to without intermediate strings. Shared by the
 * file sinks and the message sinks so every target writes values the same way.
 */
public final class ByteBuf {
  public byte[] data;
  public int size;
  private ValueFormat.Timestamps timestamps;

  public ByteBuf(int capacity) {
    data = new byte[Math.max(64, capacity)];
  }

  /** An empty buffer over {@code reuse}, an array no longer needed elsewhere (grows as usual). */
  public ByteBuf(byte[] reuse) {
    data = reuse;
  }

  public void ensure(int extra) {
    if (size + extra > data.length) {
      data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
    }
  }

  public void put(byte b) {
    ensure(1);
    data[size++] = b;
  }

  public void put(byte[] b) {
    put(b, 0, b.length);
  }

  public void put(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, data, size, len);
    size += len;
  }

  /** Empties the buffer, keeping its capacity for the next batch. */
  public void clear() {
    size = 0;
  }

  /** Appends an ASCII-only string (numbers, keywords) with a bulk copy of its low bytes. */
  @SuppressWarnings("deprecation") // the byte-copying getBytes is exactly right for ASCII, and fast
  public void putAscii(String s) {
    int n = s.length();
    ensure(n);
    s.getBytes(0, n, data, size);
    size += n;
  }

  public void putLong(long v) {
    ensure(20);
    size = ValueFormat.writeLong(data, size, v);
  }

  /** Appends the shortest round-trip text of v ({@link NumberText}) with no String between. */
  public void putDouble(double v) {
    ensure(NumberText.MAX_WIDTH);
    size = NumberText.write(data, size, v);
  }

  /** Appends {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, the date's text reused while the day is the same. */
  public void putTimestamp(long millis) {
    ensure(ValueFormat.MAX_FIXED_WIDTH);
    if (timestamps == null) {
      timestamps = new ValueFormat.Timestamps();
    }
    size = timestamps.write(data, size, millis);
  }

  public void putDate(long day) {
    ensure(ValueFormat.MAX_FIXED_WIDTH);
    size = ValueFormat.writeDate(data, size, day);
  }

  public void putUuid(long hi, long lo) {
    ensure(36);
    size = ValueFormat.writeUuid(data, size, hi, lo);
  }

  /** Appends UTF-8 of s (fast path for ASCII). */
  public void putUtf8(String s) {
    int n = s.length();
    ensure(n);
    byte[] d = data; // locals, so the loop keeps them in registers
    int p = size;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        size = p;
        byte[] b = s.substring(i).getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, data, size, b.length);
        size += b.length;
        return;
      }
      d[p++] = (byte) c;
    }
    size = p;
  }

  public byte[] toArray() {
    return java.util.Arrays.copyOf(data, size);
  }
}
