package dev.syngen.core.sink;

/**
 * Thrown by {@link PartitionCommits#openRange} when the partition's marker, read under its lock in
 * the range's own transaction, is already past the range's first row: another writer committed
 * (part of) the range first, so this one must not write it again. {@link #next} is the marker.
 */
public class RangeCommittedException extends SinkException {
  private static final long serialVersionUID = 1L;

  private final long next;

  public RangeCommittedException(String entity, long first, long from, long next) {
    super(
        "rows "
            + from
            + ".. of "
            + entity
            + " (partition from row "
            + first
            + ") are already committed up to row "
            + next);
    this.next = next;
  }

  /** The next row the target holds for the partition. */
  public long next() {
    return next;
  }
}
