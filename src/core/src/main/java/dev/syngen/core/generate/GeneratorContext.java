package dev.syngen.core.generate;

import dev.syngen.core.scenario.ColumnType;
import java.time.Instant;
import java.util.Optional;

/** What a factory may know while binding a column's generator. */
public interface GeneratorContext {
  ColumnType columnType();

  /** The anchor for relative times ("-7d"): the run's as_of instant. */
  Instant asOf();

  /** The resolved row count of the column's entity. */
  long rows();

  /** The column's random stream key, for generators that derive sub-streams. */
  long key();

  /** The name of the entity whose column is being bound; empty outside an entity. */
  default String entity() {
    return "";
  }

  /** The run seed. */
  long seed();

  Params params();

  /**
   * Resolves a column of another entity (for fk); records a problem and returns empty if absent.
   */
  Optional<ColumnRef> resolve(String param, String entity, String column);

  /** True when the column is declared {@code unique: true}. */
  default boolean unique() {
    return false;
  }

  /** How the entity's rows are shared among parent rows, when it declares rows_per_parent. */
  default Optional<ChildAllocation> allocation() {
    return Optional.empty();
  }

  /**
   * How the rows of another, already bound entity are shared among its parent rows, when it
   * declares rows_per_parent.
   */
  default Optional<ChildAllocation> allocationOf(String entity) {
    return Optional.empty();
  }

  /**
   * Resolves another column of the same entity, binding it first if needed; records a problem
   * (unknown column, or a cycle of columns deriving from each other) and returns empty otherwise.
   */
  default Optional<ColumnRef> sibling(String param, String column) {
    params().problem(param, "cannot refer to other columns here", "remove the reference");
    return Optional.empty();
  }

  /**
   * Resolves a column of another entity that may be nullable (for reading values, not for keys);
   * records a problem and returns empty if absent.
   */
  default Optional<ColumnRef> lookup(String param, String entity, String column) {
    return resolve(param, entity, column);
  }

  /**
   * Binds a generator spec written inside this generator's parameters ({@code {type, params}}, or a
   * type name) for values of {@code type}; problems are reported under {@code param}. Returns null
   * if it cannot be bound.
   */
  default Generator nested(String param, Object spec, ColumnType type, long key) {
    params().problem(param, "cannot hold a nested generator here", "remove it");
    return null;
  }

  /** The compiled lifecycle of another, already bound entity, when it declares one. */
  default Optional<dev.syngen.core.lifecycle.CompiledLifecycle> lifecycleOf(String entity) {
    return Optional.empty();
  }
}
