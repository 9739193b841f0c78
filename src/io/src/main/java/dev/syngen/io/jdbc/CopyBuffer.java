package dev.syngen.io.jdbc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable byte array in network byte order: one batch's COPY payload. */
final class CopyBuffer {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  byte[] data;
  int size;

  CopyBuffer(int capacity) {
    data = new byte[Math.max(64, capacity)];
  }

  /** Makes room for {@code extra} more bytes; callers then write at {@link #size} directly. */
  void ensure(int extra) {
    if (size + extra > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
    }
  }

  void put(byte b) {
    ensure(1);
    data[size++] = b;
  }

  void put(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, data, size, b.length);
    size += b.length;
  }

  void putShort(int v) {
    ensure(2);
    SHORT.set(data, size, (short) v);
    size += 2;
  }

  void putInt(int v) {
    ensure(4);
    INT.set(data, size, v);
    size += 4;
  }

  void putLong(long v) {
    ensure(8);
    LONG.set(data, size, v);
    size += 8;
  }
}
