package dev.syngen.bench;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates and touches every batch but keeps nothing: what the benchmarks use to time the engine.
 */
final class DiscardSink implements Sink {
  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {}

  @Override
  public EntityWriter<Integer> open(CompiledEntity entity, long startRow) {
    return new EntityWriter<>() {
      @Override
      public Integer encode(RowBatch batch) {
        return batch.size();
      }

      @Override
      public void write(Integer chunk) {}

      @Override
      public void finish() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}

  /** Deletes a benchmark's scratch directory and everything below it. */
  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
