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

  /** The run seed. */
  long seed();

  Params params();

  /**
   * Resolves a column of another entity (for fk); records a problem and returns empty if absent.
   */
  Optional<ColumnRef> resolve(String param, String entity, String column);
}
