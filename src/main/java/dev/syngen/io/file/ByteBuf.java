package dev.syngen.io.file;

import dev.syngen.core.engine.ValueFormat;
import java.nio.charset.StandardCharsets;

/** A growable byte array that text encoders append to without intermediate strings. */
final class ByteBuf {
  byte[] data;
  int size;

  ByteBuf(int capacity) {
    data = new byte[Math.max(64, capacity)];
  }

  void ensure(int extra) {
    if (size + extra > data.length) {
      data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
    }
  }

  void put(byte b) {
    ensure(1);
    data[size++] = b;
  }

  /** Appends an ASCII-only string (numbers, keywords) with a bulk copy of its low bytes. */
  @SuppressWarnings("deprecation") // the byte-copying getBytes is exactly right for ASCII, and fast
  void putAscii(String s) {
    int n = s.length();
    ensure(n);
    s.getBytes(0, n, data, size);
    size += n;
  }

  void putLong(long v) {
    ensure(20);
    size = ValueFormat.writeLong(data, size, v);
  }

  void putDouble(double v) {
    putAscii(NumberText.of(v));
  }

  void putTimestamp(long millis) {
    ensure(ValueFormat.MAX_FIXED_WIDTH);
    size = ValueFormat.writeTimestamp(data, size, millis);
  }

  void putDate(long day) {
    ensure(ValueFormat.MAX_FIXED_WIDTH);
    size = ValueFormat.writeDate(data, size, day);
  }

  void putUuid(long hi, long lo) {
    ensure(36);
    size = ValueFormat.writeUuid(data, size, hi, lo);
  }

  /** Appends UTF-8 of s (fast path for ASCII). */
  void putUtf8(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        byte[] b = s.substring(i).getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, data, size, b.length);
        size += b.length;
        return;
      }
      data[size++] = (byte) c;
    }
  }

  byte[] toArray() {
    return java.util.Arrays.copyOf(data, size);
  }
}
