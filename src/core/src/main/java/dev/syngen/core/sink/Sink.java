package dev.syngen.core.sink;

import dev.syngen.core.plan.CompiledEntity;
import java.util.List;

/**
 * A place rows go: a database, a directory of files, a broker. Implementations are named by
 * technology ({@code PostgresCopySink}, {@code CsvSink}).
 *
 * <p>{@link #prepare} checks every entity before anything is written (an incompatible existing
 * table fails the run with nothing changed), then creates or truncates as the mode says.
 */
public interface Sink extends AutoCloseable {
  void prepare(List<CompiledEntity> entities, TableMode mode);

  /** Opens a writer for one entity; {@code startRow} &gt; 0 resumes after a checkpoint. */
  EntityWriter<?> open(CompiledEntity entity, long startRow);

  @Override
  void close();
}
