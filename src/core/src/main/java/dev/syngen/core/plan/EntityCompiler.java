package dev.syngen.core.plan;

import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.builtin.ForeignKey;
import dev.syngen.core.generate.builtin.Sequence;
import dev.syngen.core.generate.builtin.UniformInt;
import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.lifecycle.LifecycleCompiler;
import dev.syngen.core.lifecycle.LifecycleGenerators;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.random.StreamKeys;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.RowsPerParent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds one entity: lays out its rows per parent when it declares {@code rows_per_parent}, then
 * binds every column's generator. A column may refer to other columns of its row (derived and
 * correlated columns); those are bound first, on demand, and a cycle of such references is reported
 * with the columns on it.
 */
final class EntityCompiler {
  private final GeneratorRegistry registry;
  private final long seed;
  private final Instant asOf;
  private final Map<String, CompiledEntity> done;
  private final Set<String> failed;
  private final Problems problems;

  EntityCompiler(
      GeneratorRegistry registry,
      long seed,
      Instant asOf,
      Map<String, CompiledEntity> done,
      Set<String> failed,
      Problems problems) {
    this.registry = registry;
    this.seed = seed;
    this.asOf = asOf;
    this.done = done;
    this.failed = failed;
    this.problems = problems;
  }

  /**
   * Binds entity {@code e} (at index {@code i}); null if anything in it is invalid. {@code total},
   * when not null, is the exact number of rows of an entity with rows_per_parent and heavy parents.
   */
  CompiledEntity compile(Entity e, int i, long declaredRows, Long total, boolean included) {
    String path = "entities[" + i + "]";
    ChildAllocation allocation = null;
    long rows = declaredRows;
    if (e.rowsPerParent() != null) {
      allocation = allocate(e, path + ".rows_per_parent", total == null ? -1 : total);
      if (allocation == null) {
        return null;
      }
      rows = allocation.total();
    }
    Columns columns = new Columns(e, path, rows, allocation);
    boolean ok = true;
    for (int j = 0; j < e.columns().size(); j++) {
      ok &= columns.bind(j) != null;
    }
    if (!ok) {
      return null;
    }
    if (e.lifecycle() == null) {
      return new CompiledEntity(
          e.name(), e.targetTable(), rows, included, columns.all(), allocation);
    }
    CompiledLifecycle lc = lifecycle(e, path + ".lifecycle", rows, columns);
    return lc == null
        ? null
        : new CompiledEntity(
            e.name(),
            e.targetTable(),
            rows,
            included,
            withFinalValues(lc, columns.all()),
            allocation,
            lc);
  }

  /** Binds the lifecycle over the entity's columns as created (before any event changes them). */
  private CompiledLifecycle lifecycle(Entity e, String path, long rows, Columns columns) {
    List<ColumnRef> refs =
        columns.all().stream()
            .map(
                c ->
                    new ColumnRef(
                        e.name(), c.name(), c.type(), c.generator(), c.key(), rows, c.nullRate()))
            .toList();
    LifecycleCompiler.Binder binder =
        (spec, p, type, key) -> {
          GeneratorSpec g = nestedSpec(spec, p);
          return g == null ? null : bindSpec(g, p, type, rows, key, false, columns);
        };
    return new LifecycleCompiler(seed, asOf, binder, problems)
        .compile(e.name(), e.lifecycle(), path, refs);
  }

  /** With {@code base_row: final}, the columns the lifecycle sets show each row's last value. */
  private static List<CompiledColumn> withFinalValues(
      CompiledLifecycle lc, List<CompiledColumn> columns) {
    if (!lc.finalRow()) {
      return columns;
    }
    List<CompiledColumn> out = new java.util.ArrayList<>(columns);
    for (int c = 0; c < out.size(); c++) {
      if (lc.slotOf(c) >= 0) {
        CompiledColumn col = out.get(c);
        out.set(
            c,
            new CompiledColumn(
                col.name(),
                col.type(),
                LifecycleGenerators.finalValue(lc, c, col.generator()),
                col.key(),
                0));
      }
    }
    return out;
  }

  private ChildAllocation allocate(Entity e, String path, long total) {
    RowsPerParent spec = e.rowsPerParent();
    CompiledEntity parent = done.get(spec.parent());
    if (parent == null) {
      return null; // an unknown parent is reported with the structure, a failed one already was
    }
    long countKey = StreamKeys.of(seed, e.name(), "", "rows_per_parent");
    long heavyKey = StreamKeys.of(seed, e.name(), "", "rows_per_parent.heavy");
    BoundColumns parentRow = new BoundColumns(parent);
    Generator count = wholeCount(spec.count(), path + ".count", parent.rows(), countKey, parentRow);
    Generator heavy =
        spec.heavyCount() == null
            ? null
            : wholeCount(
                spec.heavyCount(), path + ".heavy.count", parent.rows(), heavyKey, parentRow);
    if (count == null || (spec.heavyCount() != null && heavy == null)) {
      return null;
    }
    ChildAllocation.Result r =
        ChildAllocation.layOut(
            spec.parent(),
            parent.rows(),
            count,
            countKey,
            heavy,
            heavyKey,
            spec.heavyShare(),
            total,
            PlanCompiler.MAX_ROWS);
    if (r.allocation() == null) {
      problems.add(path + ".count", r.problem(), r.fix());
    }
    return r.allocation();
  }

  private Generator wholeCount(
      GeneratorSpec spec, String path, long parents, long key, RowColumns parentRow) {
    Generator g = bindSpec(spec, path, ColumnType.BIGINT, parents, key, false, parentRow);
    if (g != null && g.kind() != dev.syngen.core.scenario.ValueKind.LONG) {
      problems.add(
          path + ".type",
          "generator '" + spec.type() + "' does not produce whole numbers",
          "use a count distribution such as zipf, poisson, geometric or uniform_int");
      return null;
    }
    return g;
  }

  /** Binds a generator spec for values of {@code type}; problems go under {@code path}. */
  private Generator bindSpec(
      GeneratorSpec spec,
      String path,
      ColumnType type,
      long rows,
      long key,
      boolean unique,
      RowColumns row) {
    Optional<GeneratorFactory> factory = registry.find(spec.type());
    if (factory.isEmpty()) {
      problems.add(
          path + ".type",
          "unknown generator '" + spec.type() + "'",
          registry.closest(spec.type()).map(n -> "did you mean '" + n + "'? ").orElse("")
              + "see docs/generators.md for the catalogue");
      return null;
    }
    Params params = new Params(spec.params(), path + ".params", problems);
    Generator g = factory.get().create(new Context(type, rows, key, params, unique, row));
    params.reportUnknown(spec.type());
    if (g == null || !params.ok()) {
      return null;
    }
    Generator adapted = Conversions.adapt(g, type.kind());
    if (adapted == null) {
      problems.add(
          path + ".type",
          "generator '"
              + spec.type()
              + "' produces "
              + g.kind().name().toLowerCase(Locale.ROOT)
              + " values, which do not fit a column of type "
              + type.yamlName(),
          "change the column type or pick a generator for " + type.yamlName() + " values");
    }
    return adapted;
  }

  private static boolean checkRange(
      Generator g, Column c, long rows, String path, Problems problems) {
    if (c.type() != ColumnType.INT) {
      return true;
    }
    if (g instanceof UniformInt u && (u.min() < Integer.MIN_VALUE || u.max() > Integer.MAX_VALUE)) {
      problems.add(
          path + ".params",
          "range [" + u.min() + ", " + u.max() + "] does not fit a 32-bit int column",
          "use type: bigint or narrow the range");
      return false;
    }
    if (g instanceof Sequence s && (int) s.last(rows) != s.last(rows)) {
      problems.add(
          path + ".params",
          "the sequence reaches " + s.last(rows) + ", beyond a 32-bit int column",
          "use type: bigint");
      return false;
    }
    if (g instanceof ForeignKey fk && fk.parent().type() == ColumnType.BIGINT) {
      problems.add(
          path + ".type", "refers to a bigint column but this column is int", "use type: bigint");
      return false;
    }
    return true;
  }

  /** The other columns of a row that a generator may read. */
  private interface RowColumns {
    ChildAllocation allocation();

    /** The entity these columns belong to. */
    String name();

    /** Column {@code name}, or empty after reporting why under {@code param}. */
    Optional<ColumnRef> column(Params params, String param, String name);
  }

  /** The columns of an entity already bound: what a count per parent row reads. */
  private record BoundColumns(CompiledEntity entity) implements RowColumns {
    @Override
    public String name() {
      return entity.name();
    }

    @Override
    public ChildAllocation allocation() {
      return entity.allocation();
    }

    @Override
    public Optional<ColumnRef> column(Params params, String param, String name) {
      for (CompiledColumn c : entity.columns()) {
        if (c.name().equals(name)) {
          return Optional.of(
              new ColumnRef(
                  entity.name(),
                  name,
                  c.type(),
                  c.generator(),
                  c.key(),
                  entity.rows(),
                  c.nullRate()));
        }
      }
      params.problem(
          param,
          "entity '" + entity.name() + "' has no column '" + name + "'",
          "use one of: "
              + String.join(", ", entity.columns().stream().map(CompiledColumn::name).toList()));
      return Optional.empty();
    }
  }

  /** The columns of one entity, bound in declaration order or earlier when referred to. */
  private final class Columns implements RowColumns {
    private static final int BINDING = 1;
    private static final int BOUND = 2;
    private static final int FAILED = 3;
    private final Entity entity;
    private final String path;
    private final long rows;
    private final ChildAllocation allocation;
    private final CompiledColumn[] bound;
    private final int[] state;

    Columns(Entity entity, String path, long rows, ChildAllocation allocation) {
      this.entity = entity;
      this.path = path;
      this.rows = rows;
      this.allocation = allocation;
      this.bound = new CompiledColumn[entity.columns().size()];
      this.state = new int[bound.length];
    }

    List<CompiledColumn> all() {
      return List.of(bound);
    }

    @Override
    public String name() {
      return entity.name();
    }

    @Override
    public ChildAllocation allocation() {
      return allocation;
    }

    @Override
    public Optional<ColumnRef> column(Params params, String param, String column) {
      int j = indexOf(column);
      if (j < 0) {
        params.problem(
            param,
            "entity '" + entity.name() + "' has no column '" + column + "'",
            "use one of: "
                + String.join(", ", entity.columns().stream().map(Column::name).toList()));
        return Optional.empty();
      }
      if (binding(j)) {
        params.problem(
            param,
            "refers to '" + column + "', which (directly or through other columns) refers back",
            "break the cycle: a column cannot derive from itself");
        return Optional.empty();
      }
      CompiledColumn c = bind(j);
      if (c == null) {
        return Optional.empty(); // its own problems are reported at its own path
      }
      return Optional.of(
          new ColumnRef(
              entity.name(), c.name(), c.type(), c.generator(), c.key(), rows, c.nullRate()));
    }

    int indexOf(String name) {
      for (int j = 0; j < bound.length; j++) {
        if (entity.columns().get(j).name().equals(name)) {
          return j;
        }
      }
      return -1;
    }

    String name(int j) {
      return entity.columns().get(j).name();
    }

    /** True while column j is being bound (a reference to it now would be a cycle). */
    boolean binding(int j) {
      return state[j] == BINDING;
    }

    CompiledColumn bind(int j) {
      if (state[j] == BOUND || state[j] == FAILED || state[j] == BINDING) {
        return bound[j];
      }
      state[j] = BINDING;
      Column c = entity.columns().get(j);
      String p = path + ".columns[" + j + "].generator";
      long key = StreamKeys.of(seed, entity.name(), c.name());
      Generator g = bindSpec(c.generator(), p, c.type(), rows, key, c.unique(), this);
      if (g != null && checkRange(Conversions.unwrap(g), c, rows, p, problems)) {
        bound[j] = new CompiledColumn(c.name(), c.type(), g, key, c.nullable() ? c.nullRate() : 0);
        state[j] = BOUND;
      } else {
        state[j] = FAILED;
      }
      return bound[j];
    }
  }

  /** What a generator factory sees of the plan being compiled. */
  private final class Context implements GeneratorContext {
    private final ColumnType columnType;
    private final long rows;
    private final long key;
    private final Params params;
    private final boolean unique;
    private final RowColumns row; // the columns this generator may read, or null

    Context(
        ColumnType columnType, long rows, long key, Params params, boolean unique, RowColumns row) {
      this.columnType = columnType;
      this.rows = rows;
      this.key = key;
      this.params = params;
      this.unique = unique;
      this.row = row;
    }

    @Override
    public ColumnType columnType() {
      return columnType;
    }

    @Override
    public String entity() {
      return row == null ? "" : row.name();
    }

    @Override
    public Instant asOf() {
      return asOf;
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public long key() {
      return key;
    }

    @Override
    public long seed() {
      return seed;
    }

    @Override
    public Params params() {
      return params;
    }

    @Override
    public boolean unique() {
      return unique;
    }

    @Override
    public Optional<ChildAllocation> allocation() {
      return row == null ? Optional.empty() : Optional.ofNullable(row.allocation());
    }

    @Override
    public Optional<ChildAllocation> allocationOf(String entity) {
      CompiledEntity e = done.get(entity);
      return e == null ? Optional.empty() : Optional.ofNullable(e.allocation());
    }

    @Override
    public Optional<CompiledLifecycle> lifecycleOf(String entity) {
      CompiledEntity e = done.get(entity);
      return e == null ? Optional.empty() : Optional.ofNullable(e.lifecycle());
    }

    @Override
    public Optional<ColumnRef> resolve(String param, String entity, String column) {
      return find(param, entity, column, true);
    }

    @Override
    public Optional<ColumnRef> lookup(String param, String entity, String column) {
      return find(param, entity, column, false);
    }

    private Optional<ColumnRef> find(String param, String entity, String column, boolean key) {
      CompiledEntity parent = done.get(entity);
      if (parent == null) {
        if (!failed.contains(entity)) {
          params.problem(
              param, "no entity named '" + entity + "'", "name an entity of this scenario");
        }
        return Optional.empty();
      }
      for (CompiledColumn c : parent.columns()) {
        if (c.name().equals(column)) {
          if (key && c.canBeNull()) {
            params.problem(
                "column",
                "'" + entity + "." + column + "' can be null, so some references would dangle",
                "refer to a non-nullable key column");
            return Optional.empty();
          }
          return Optional.of(
              new ColumnRef(
                  entity, column, c.type(), c.generator(), c.key(), parent.rows(), c.nullRate()));
        }
      }
      params.problem(
          key ? "column" : param,
          "entity '" + entity + "' has no column '" + column + "'",
          "use one of: "
              + String.join(", ", parent.columns().stream().map(CompiledColumn::name).toList()));
      return Optional.empty();
    }

    @Override
    public Optional<ColumnRef> sibling(String param, String column) {
      return row == null
          ? GeneratorContext.super.sibling(param, column)
          : row.column(params, param, column);
    }

    @Override
    public Generator nested(String param, Object spec, ColumnType type, long nestedKey) {
      String p = params.path(param);
      GeneratorSpec g = nestedSpec(spec, p);
      return g == null ? null : bindSpec(g, p, type, rows, nestedKey, false, row);
    }
  }

  private GeneratorSpec nestedSpec(Object spec, String p) {
    if (spec instanceof String s && !s.isBlank()) {
      return new GeneratorSpec(s, Map.of());
    }
    if (spec instanceof Map<?, ?> m && m.get("type") != null) {
      Object raw = m.get("params");
      Map<String, Object> ps = new java.util.LinkedHashMap<>();
      if (raw instanceof Map<?, ?> pm) {
        pm.forEach((k, v) -> ps.put(String.valueOf(k), v));
      } else if (raw != null) {
        problems.add(p + ".params", "must be a mapping", "write params: {mu: 3, sigma: 0.5}");
        return null;
      }
      for (Object k : m.keySet()) {
        if (!"type".equals(k) && !"params".equals(k)) {
          problems.add(p + "." + k, "unknown field '" + k + "'", "use type and params");
          return null;
        }
      }
      return new GeneratorSpec(String.valueOf(m.get("type")), ps);
    }
    problems.add(
        p,
        "must be a generator: {type: ..., params: {...}}",
        "write e.g. {type: lognormal, params: {mu: 3, sigma: 0.5}}");
    return null;
  }
}
