package dev.syngen.core.generate;

import dev.syngen.core.random.CellRandom;
import java.util.Arrays;

/**
 * How the rows of a child entity are shared out among the rows of its parent when the entity
 * declares its count per parent: parent p gets {@code count(p)} children, a pure function of the
 * parent row, and the child rows are laid out parent by parent. Child row r then belongs to one
 * parent, at one rank among that parent's children.
 *
 * <p>Only the first child row of every 1024th parent is kept (8 bytes per 1024 parents); the counts
 * inside a block are recomputed into a thread-confined cache when a row of the block is first asked
 * for, so filling rows in order costs O(log 1024) per row.
 */
public final class ChildAllocation {
  static final int BLOCK = 1024;
  private static final int HEAVY_DRAW = 0x4EA7;

  private final String parent;
  private final long parents;
  private final Generator count;
  private final long countKey;
  private final Generator heavy;
  private final long heavyKey;
  private final double heavyShare;
  private final long[] blockStarts;
  private final ThreadLocal<Block> cache = ThreadLocal.withInitial(Block::new);

  /**
   * A position of a child row: its parent row, its rank among the parent's children, their number.
   */
  public static final class Position {
    public long parent;
    public long rank;
    public long size;
  }

  private static final class Block {
    long index = -1;
    final long[] starts = new long[BLOCK + 1];
    final Position position = new Position();
  }

  private ChildAllocation(
      String parent,
      long parents,
      Generator count,
      long countKey,
      Generator heavy,
      long heavyKey,
      double heavyShare,
      long[] blockStarts) {
    this.parent = parent;
    this.parents = parents;
    this.count = count;
    this.countKey = countKey;
    this.heavy = heavy;
    this.heavyKey = heavyKey;
    this.heavyShare = heavyShare;
    this.blockStarts = blockStarts;
  }

  /** The outcome of laying out the children: an allocation, or why it cannot be made. */
  public record Result(ChildAllocation allocation, String problem, String fix) {}

  /**
   * Evaluates every parent's count once to lay out the child rows. {@code heavy} may be null.
   * Refuses negative counts and totals above {@code maxRows}.
   */
  public static Result layOut(
      String parent,
      long parents,
      Generator count,
      long countKey,
      Generator heavy,
      long heavyKey,
      double heavyShare,
      long maxRows) {
    long blocks = (parents + BLOCK - 1) / BLOCK;
    long[] starts = new long[(int) blocks + 1];
    ChildAllocation a =
        new ChildAllocation(parent, parents, count, countKey, heavy, heavyKey, heavyShare, starts);
    long total = 0;
    for (long p = 0; p < parents; p++) {
      if (p % BLOCK == 0) {
        starts[(int) (p / BLOCK)] = total;
      }
      long c = a.count(p);
      if (c < 0) {
        return new Result(
            null,
            "gives parent row " + p + " a negative number of children (" + c + ")",
            "use a distribution with min >= 0");
      }
      total += c;
      if (total > maxRows) {
        return new Result(
            null,
            "gives more than " + maxRows + " children in total",
            "use a smaller count distribution or fewer parent rows");
      }
    }
    starts[(int) blocks] = total;
    return new Result(a, null, null);
  }

  /** The parent entity. */
  public String parent() {
    return parent;
  }

  public long parents() {
    return parents;
  }

  /** The number of child rows in all. */
  public long total() {
    return blockStarts[blockStarts.length - 1];
  }

  /** The body count generator (whole numbers per parent row), with {@link #countKey()}. */
  public Generator countGenerator() {
    return count;
  }

  public long countKey() {
    return countKey;
  }

  /** The heavy-parent count generator, or null. */
  public Generator heavyGenerator() {
    return heavy;
  }

  public double heavyShare() {
    return heavyShare;
  }

  /** The number of children of parent row {@code p}. */
  public long count(long p) {
    if (heavy != null && CellRandom.unit(countKey, p, HEAVY_DRAW) < heavyShare) {
      return heavy.longAt(heavyKey, p);
    }
    return count.longAt(countKey, p);
  }

  /**
   * Where child row {@code row} sits. The returned object is thread-confined scratch state, valid
   * until this thread's next call.
   */
  public Position position(long row) {
    Block b = block(row);
    int i = last(b.starts, (int) Math.min(BLOCK, parents - b.index * BLOCK), row);
    Position pos = b.position;
    pos.parent = b.index * BLOCK + i;
    pos.rank = row - b.starts[i];
    pos.size = b.starts[i + 1] - b.starts[i];
    return pos;
  }

  /** The parent row of child row {@code row}. */
  public long parentOf(long row) {
    return position(row).parent;
  }

  private Block block(long row) {
    if (row < 0 || row >= total()) {
      throw new IndexOutOfBoundsException("child row " + row + " of " + total());
    }
    int index = last(blockStarts, blockStarts.length - 1, row);
    Block b = cache.get();
    if (b.index != index) {
      long first = (long) index * BLOCK;
      int n = (int) Math.min(BLOCK, parents - first);
      b.starts[0] = blockStarts[index];
      for (int i = 0; i < n; i++) {
        b.starts[i + 1] = b.starts[i] + count(first + i);
      }
      b.index = index;
    }
    return b;
  }

  /** The largest i in [0, n) with a[i] <= v (a non-decreasing, a[0] <= v < a[n]). */
  private static int last(long[] a, int n, long v) {
    int i = Arrays.binarySearch(a, 0, n, v);
    if (i < 0) {
      return -i - 2;
    }
    while (i + 1 < n && a[i + 1] == v) {
      i++;
    }
    return i;
  }
}
