package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.SeriesCursor;
import java.util.Locale;

/**
 * Which series a row belongs to for path-dependent generators: one series per parent row (the row's
 * index is its rank among the parent's children) when the entity declares rows_per_parent, else one
 * series over the whole entity (the index is the row). Param {@code series: parent | entity}
 * overrides the default.
 */
final class SeriesScope {
  private final ChildAllocation allocation; // null: one series over the entity

  private SeriesScope(ChildAllocation allocation) {
    this.allocation = allocation;
  }

  static SeriesScope of(GeneratorContext ctx) {
    Params p = ctx.params();
    ChildAllocation a = ctx.allocation().orElse(null);
    String scope =
        p.string("series", "parent", a == null ? "entity" : "parent").toLowerCase(Locale.ROOT);
    if (scope.equals("parent") && a == null) {
      p.problem(
          "series",
          "per-parent series need the entity to declare rows_per_parent",
          "use series: entity, or add rows_per_parent");
      return null;
    }
    if (!scope.equals("parent") && !scope.equals("entity")) {
      p.problem("series", "unknown series scope '" + scope + "'", "use parent or entity");
      return null;
    }
    return new SeriesScope(scope.equals("parent") ? a : null);
  }

  /** The value of {@code row}'s series at the row's index in it. */
  double at(SeriesCursor cursor, long key, long row) {
    if (allocation == null) {
      return cursor.at(SeriesCursor.stream(key, 0), row);
    }
    ChildAllocation.Position pos = allocation.position(row);
    return cursor.at(SeriesCursor.stream(key, pos.parent), pos.rank);
  }
}
