package dev.syngen.io.message;

/**
 * One batch of encoded records, ready to send: the JSON bytes of each record (and its key, when the
 * target keys records), from row {@code firstRow} on, in row order.
 *
 * @param firstRow the row index of the first record
 * @param values one payload per record
 * @param keys one key per record (an entry is null for a NULL key), or null when unkeyed
 * @param weights in sampled traffic, the weight header of each record, else null
 * @param bytes the payload bytes of the whole batch
 */
public record Records(long firstRow, byte[][] values, byte[][] keys, String[] weights, long bytes) {
  public int count() {
    return values.length;
  }

  public long row(int i) {
    return firstRow + i;
  }
}
