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
import java.util.Locale;
import java.util.Optional;

/**
 * A reference to another entity's column: picks a parent row index (uniform, Zipf-skewed, or the
 * parent the row was allocated to when the entity declares rows_per_parent) and recomputes that
 * parent cell, so no parent values are held and every value exists in the parent.
 */
public final class ForeignKey implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "fk",
          "a value of another entity's column; params: entity, column,"
              + " distribution (uniform | zipf | allocation), s (zipf exponent, default 1.1);"
              + " follows rows_per_parent when the entity declares it",
          ForeignKey::create);

  private final ColumnRef parent;
  private final ZipfIndex zipf; // null: uniform or allocation
  private final ChildAllocation allocation; // null: picked at random

  private ForeignKey(ColumnRef parent, ZipfIndex zipf, ChildAllocation allocation) {
    this.parent = parent;
    this.zipf = zipf;
    this.allocation = allocation;
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
    if (!dist.equals("uniform") && !dist.equals("zipf") && !dist.equals("allocation")) {
      p.problem(
          "distribution", "unknown distribution '" + dist + "'", "use uniform, zipf or allocation");
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
    ZipfIndex zipf = dist.equals("zipf") ? new ZipfIndex(ref.get().rows(), s) : null;
    return new ForeignKey(ref.get(), zipf, dist.equals("allocation") ? allocated.get() : null);
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
    return zipf == null ? CellRandom.below(key, row, 0, parent.rows()) : zipf.at(key, row);
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
