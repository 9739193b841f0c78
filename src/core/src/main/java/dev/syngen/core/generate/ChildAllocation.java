package dev.syngen.core.generate;

import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
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
 *
 * <p>With an exact {@code total}, the heavy parents take up whatever the body counts leave: each
 * heavy count keeps its law's minimum m and has its excess over m stretched by one factor, {@code
 * round(m + stretch·(x − m))}, chosen when the children are laid out so the counts add up to the
 * total (the rounding remainder, a few rows, goes to the last heavy parent).
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
  private final long heavyFloor;
  private double stretch = 1.0;
  private long lastHeavy = -1;
  private long correction;
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

  private final ThreadLocal<Hint> hints = new ThreadLocal<>();
  private boolean hinted; // only ever set; a thread that misses it has no hint of its own anyway

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
    this.heavyFloor =
        heavy != null
                && Conversions.unwrap(heavy) instanceof Distributed d
                && d.law() instanceof Law.Discrete l
            ? l.distribution().getSupportLowerBound()
            : 0;
  }

  /** The outcome of laying out the children: an allocation, or why it cannot be made. */
  public record Result(ChildAllocation allocation, String problem, String fix) {}

  /**
   * Evaluates every parent's count to lay out the child rows. {@code heavy} may be null. {@code
   * exact}, when not negative, is the total the heavy parents' stretched counts must make up.
   * Refuses negative counts, totals above {@code maxRows} and totals the heavy parents cannot meet.
   */
  public static Result layOut(
      String parent,
      long parents,
      Generator count,
      long countKey,
      Generator heavy,
      long heavyKey,
      double heavyShare,
      long exact,
      long maxRows) {
    long blocks = (parents + BLOCK - 1) / BLOCK;
    long[] starts = new long[(int) blocks + 1];
    ChildAllocation a =
        new ChildAllocation(parent, parents, count, countKey, heavy, heavyKey, heavyShare, starts);
    if (exact >= 0 && heavy != null) {
      String problem = a.stretchTo(exact);
      if (problem != null) {
        return new Result(
            null,
            problem,
            "raise the total, lower the body count law, or give more parents (or a larger heavy"
                + " share) so heavy parents exist");
      }
    }
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

  /** Chooses the stretch of heavy counts that makes the counts add up to {@code exact}. */
  private String stretchTo(long exact) {
    long body = 0;
    long heavyRows = 0;
    long excess = 0;
    for (long p = 0; p < parents; p++) {
      if (heavy(p)) {
        heavyRows++;
        excess += heavy.longAt(heavyKey, p) - heavyFloor;
        lastHeavy = p;
      } else {
        body += count.longAt(countKey, p);
      }
    }
    long need = exact - body - heavyRows * heavyFloor;
    if (heavyRows == 0) {
      return "has no heavy parent among " + parents + " to make up a total of " + exact;
    }
    if (need < 0 || (need > 0 && excess <= 0)) {
      return "cannot make up a total of "
          + exact
          + ": the other parents and the heavy minimum already give "
          + (body + heavyRows * heavyFloor);
    }
    stretch = excess == 0 ? 1.0 : (double) need / excess;
    long sum = body;
    long last = lastHeavy;
    lastHeavy = -1;
    for (long p = 0; p < parents; p++) {
      if (heavy(p)) {
        sum += count(p);
      }
    }
    lastHeavy = last;
    correction = exact - sum;
    return null;
  }

  /** The factor heavy counts' excess over their minimum is stretched by (1 without a total). */
  public double heavyStretch() {
    return stretch;
  }

  /** The least heavy count, the point heavy counts are stretched from. */
  public long heavyFloor() {
    return heavyFloor;
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
    if (heavy(p)) {
      long x = heavy.longAt(heavyKey, p);
      long c = stretch == 1.0 ? x : Math.round(heavyFloor + stretch * (x - heavyFloor));
      return p == lastHeavy ? c + correction : c;
    }
    return count.longAt(countKey, p);
  }

  /** True when parent row {@code p} is one of the heavy parents. */
  public boolean heavy(long p) {
    return heavy != null && CellRandom.unit(countKey, p, HEAVY_DRAW) < heavyShare;
  }

  /**
   * Where child row {@code row} sits. The returned object is thread-confined scratch state, valid
   * until this thread's next call.
   */
  public Position position(long row) {
    if (hinted) {
      Hint h = hints.get();
      if (h != null) {
        h.position.parent = h.parent;
        h.position.rank = row;
        h.position.size = h.size;
        return h.position;
      }
    }
    Block b = block(row);
    int i = last(b.starts, (int) Math.min(BLOCK, parents - b.index * BLOCK), row);
    Position pos = b.position;
    pos.parent = b.index * BLOCK + i;
    pos.rank = row - b.starts[i];
    pos.size = b.starts[i + 1] - b.starts[i];
    return pos;
  }

  /**
   * Until {@link #clearHint}, on this thread, rows 0 … size − 1 stand for the children of parent
   * row {@code parent}, by rank: a caller that fills one parent's children out of layout order (the
   * event-time merge of a lifecycle) computes them without knowing where they sit in the layout,
   * which would cost a block of parents' counts per jump.
   */
  public void hintParent(long parent, long size) {
    hinted = true;
    Hint h = hints.get();
    if (h == null) {
      h = new Hint();
      hints.set(h);
    }
    h.parent = parent;
    h.size = size;
  }

  public void clearHint() {
    hints.remove();
  }

  private static final class Hint {
    long parent;
    long size;
    final Position position = new Position();
  }

  /** The parent row of child row {@code row}. */
  public long parentOf(long row) {
    return position(row).parent;
  }

  /** The first child row of parent row {@code p}; its children are {@code count(p)} rows on. */
  public long firstChild(long p) {
    if (p < 0 || p >= parents) {
      throw new IndexOutOfBoundsException("parent row " + p + " of " + parents);
    }
    return load((int) (p / BLOCK)).starts[(int) (p % BLOCK)];
  }

  /** The number of children of parent row {@code p}, from the block cache. */
  public long children(long p) {
    Block b = load((int) (p / BLOCK));
    int i = (int) (p % BLOCK);
    return b.starts[i + 1] - b.starts[i];
  }

  private Block block(long row) {
    if (row < 0 || row >= total()) {
      throw new IndexOutOfBoundsException("child row " + row + " of " + total());
    }
    return load(last(blockStarts, blockStarts.length - 1, row));
  }

  private Block load(int index) {
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
