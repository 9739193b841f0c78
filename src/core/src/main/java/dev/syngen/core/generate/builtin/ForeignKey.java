package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.ZipfIndex;
import dev.syngen.core.scenario.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A reference to another entity's column: picks a parent row index (uniform, Zipf-skewed, or the
 * parent the row was allocated to when the entity declares rows_per_parent) and recomputes that
 * parent cell, so no parent values are held and every value exists in the parent.
 *
 * <p>Two picks follow the rows_per_parent layout of either side. {@code distinct}: the children of
 * one parent point at different rows (parent p's child of rank r takes row {@code (o_p + r·s_p) mod
 * n}, o_p and s_p drawn per parent, s_p coprime with n), e.g. the members of a conversation. {@code
 * same_parent}: the row is one of the referenced entity's rows under the same ancestor (found by
 * walking this entity's rows_per_parent chain up to the referenced entity's parent), uniformly,
 * e.g. a message's sender among its conversation's members.
 */
public final class ForeignKey implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "fk",
          "a value of another entity's column; params: entity, column,"
              + " distribution (uniform | zipf | allocation | distinct | same_parent), s (zipf"
              + " exponent, default 1.1); follows rows_per_parent when the entity declares it",
          ForeignKey::create);

  private final ColumnRef parent;
  private final ZipfIndex zipf; // null: uniform or allocation
  private final ChildAllocation allocation; // null: picked at random
  private final ChildAllocation distinct; // this entity's layout, for distinct picks per parent
  private final ChildAllocation[] chain; // same_parent: this entity up to the shared ancestor
  private final ChildAllocation siblings; // same_parent: the referenced entity's layout

  private ForeignKey(ColumnRef parent, ZipfIndex zipf, ChildAllocation allocation) {
    this(parent, zipf, allocation, null, null, null);
  }

  private ForeignKey(
      ColumnRef parent,
      ZipfIndex zipf,
      ChildAllocation allocation,
      ChildAllocation distinct,
      ChildAllocation[] chain,
      ChildAllocation siblings) {
    this.parent = parent;
    this.zipf = zipf;
    this.allocation = allocation;
    this.distinct = distinct;
    this.chain = chain;
    this.siblings = siblings;
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    String entity = p.string("entity", "customers");
    String column = p.string("column", "customer_id");
    Optional<ChildAllocation> allocated = ctx.allocation().filter(a -> a.parent().equals(entity));
    String dist =
        p.string("distribution", "zipf", allocated.isPresent() ? "allocation" : "uniform")
            .toLowerCase(Locale.ROOT);
    double s = p.number("s", "1.1", 1.1);
    if (!List.of("uniform", "zipf", "allocation", "distinct", "same_parent").contains(dist)) {
      p.problem(
          "distribution",
          "unknown distribution '" + dist + "'",
          "use uniform, zipf, allocation, distinct or same_parent");
    } else if (dist.equals("distinct") && ctx.allocation().isEmpty()) {
      p.problem(
          "distribution",
          "distinct needs this entity to declare rows_per_parent",
          "add rows_per_parent, or use uniform");
    } else if (dist.equals("allocation") && allocated.isEmpty()) {
      p.problem(
          "distribution",
          "allocation needs the entity to declare rows_per_parent with parent '" + entity + "'",
          "add rows_per_parent: {parent: " + entity + ", count: ...} or use uniform");
    }
    if (!(s > 0) || Double.isInfinite(s)) {
      p.problem("s", "must be a number > 0, got " + s, "use e.g. s: 1.1");
    }
    if (entity == null || column == null) {
      return null;
    }
    Optional<ColumnRef> ref = ctx.resolve("entity", entity, column);
    if (ref.isEmpty() || !p.ok()) {
      return null;
    }
    if (dist.equals("zipf") && ref.get().rows() > Integer.MAX_VALUE) {
      p.problem("distribution", "zipf supports parents up to 2^31-1 rows", "use uniform");
      return null;
    }
    if (dist.equals("distinct")) {
      return new ForeignKey(ref.get(), null, null, ctx.allocation().get(), null, null);
    }
    if (dist.equals("same_parent")) {
      return sameParent(ctx, entity, ref.get());
    }
    ZipfIndex zipf = dist.equals("zipf") ? new ZipfIndex(ref.get().rows(), s) : null;
    return new ForeignKey(ref.get(), zipf, dist.equals("allocation") ? allocated.get() : null);
  }

  private static Generator sameParent(GeneratorContext ctx, String entity, ColumnRef ref) {
    Params p = ctx.params();
    ChildAllocation siblings = ctx.allocationOf(entity).orElse(null);
    if (siblings == null) {
      p.problem(
          "distribution",
          "same_parent needs '" + entity + "' to declare rows_per_parent",
          "use uniform, or give '" + entity + "' a rows_per_parent");
      return null;
    }
    List<ChildAllocation> chain = new ArrayList<>();
    ChildAllocation step = ctx.allocation().orElse(null);
    while (step != null && chain.size() < 16) {
      chain.add(step);
      if (step.parent().equals(siblings.parent())) {
        return new ForeignKey(
            ref, null, null, null, chain.toArray(ChildAllocation[]::new), siblings);
      }
      step = ctx.allocationOf(step.parent()).orElse(null);
    }
    p.problem(
        "distribution",
        "same_parent needs this entity to descend, through rows_per_parent, from '"
            + siblings.parent()
            + "', the parent of '"
            + entity
            + "'",
        "declare rows_per_parent down from '" + siblings.parent() + "', or use uniform");
    return null;
  }

  public ColumnRef parent() {
    return parent;
  }

  /** The parent allocation this key follows, or null when parents are picked at random. */
  public ChildAllocation allocation() {
    return allocation;
  }

  /** The parent row this child row refers to. */
  public long parentRow(long key, long row) {
    if (allocation != null) {
      return allocation.parentOf(row);
    }
    if (distinct != null) {
      ChildAllocation.Position pos = distinct.position(row);
      long n = parent.rows();
      long offset = CellRandom.below(key, pos.parent, 1, n);
      return Math.floorMod(offset + mulMod(pos.rank % n, stride(key, pos.parent, n), n), n);
    }
    if (chain != null) {
      long ancestor = row;
      for (ChildAllocation a : chain) {
        ancestor = a.parentOf(ancestor);
      }
      long n = siblings.children(ancestor);
      if (n == 0) {
        throw new IllegalStateException(
            "parent row "
                + ancestor
                + " of '"
                + siblings.parent()
                + "' has no rows of '"
                + parent.entity()
                + "' to pick from");
      }
      return siblings.firstChild(ancestor) + CellRandom.below(key, row, 0, n);
    }
    return zipf == null ? CellRandom.below(key, row, 0, parent.rows()) : zipf.at(key, row);
  }

  /** True when this key picks, per row, one of the referenced rows under the same ancestor. */
  public boolean sameParent() {
    return chain != null;
  }

  /** The referenced entity's layout for same_parent picks, or null. */
  public ChildAllocation siblings() {
    return siblings;
  }

  /** A step in [1, n) coprime with n, drawn per parent: rank·step mod n never repeats below n. */
  private static long stride(long key, long p, long n) {
    if (n <= 2) {
      return 1;
    }
    long s = 1 + CellRandom.below(key, p, 2, n - 1);
    while (gcd(s, n) != 1) {
      s = s + 1 == n ? 1 : s + 1;
    }
    return s;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** a·b mod n for 0 <= a, b < n, without overflow. */
  private static long mulMod(long a, long b, long n) {
    if (a < (1L << 31) && b < (1L << 31)) {
      return (a * b) % n;
    }
    return java.math.BigInteger.valueOf(a)
        .multiply(java.math.BigInteger.valueOf(b))
        .mod(java.math.BigInteger.valueOf(n))
        .longValue();
  }

  @Override
  public ValueKind kind() {
    return parent.generator().kind();
  }

  @Override
  public long longAt(long key, long row) {
    return parent.generator().longAt(parent.key(), parentRow(key, row));
  }

  @Override
  public long uuidLowAt(long key, long row) {
    return parent.generator().uuidLowAt(parent.key(), parentRow(key, row));
  }

  @Override
  public double doubleAt(long key, long row) {
    return parent.generator().doubleAt(parent.key(), parentRow(key, row));
  }

  @Override
  public String stringAt(long key, long row) {
    return parent.generator().stringAt(parent.key(), parentRow(key, row));
  }
}
