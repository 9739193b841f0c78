package dev.syngen.core.engine;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory sink for engine tests: each row becomes one line {@code entity|row|v1|v2|…}, kept in
 * the order the engine writes them. Encoding runs on worker threads, writing on the engine's
 * thread.
 */
final class RecordingSink implements Sink {
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  final List<String> events = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger openWriters = new AtomicInteger();
  volatile TableMode preparedMode;

  /** When positive, encoding the batch that starts at this row fails. */
  volatile long failAtRow = -1;

  /** Whether {@code endOfEntity} calls are recorded as events. */
  volatile boolean recordEnds;

  /** When positive, writing the batch that starts at this row fails. */
  volatile long failWriteAtRow = -1;

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    preparedMode = mode;
    events.add("prepare " + entities.stream().map(CompiledEntity::name).toList());
  }

  @Override
  public EntityWriter<List<String>> open(CompiledEntity entity, long startRow) {
    events.add("open " + entity.name() + " at " + startRow);
    openWriters.incrementAndGet();
    return new EntityWriter<>() {
      @Override
      public List<String> encode(RowBatch batch) {
        if (batch.firstRow() == failAtRow) {
          throw new IllegalStateException("encode failed at row " + failAtRow);
        }
        if (batch.firstRow() == failWriteAtRow) {
          return List.of("FAIL " + failWriteAtRow);
        }
        List<String> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          StringBuilder sb =
              new StringBuilder(entity.name()).append('|').append(batch.firstRow() + i);
          for (int c = 0; c < batch.columnCount(); c++) {
            sb.append('|').append(Fixtures.cell(batch.column(c), i));
          }
          out.add(sb.toString());
        }
        return out;
      }

      @Override
      public void write(List<String> chunk) {
        if (chunk.size() == 1 && chunk.get(0).startsWith("FAIL ")) {
          throw new IllegalStateException("write failed at row " + failWriteAtRow);
        }
        lines.addAll(chunk);
      }

      @Override
      public void endOfEntity(long rows) {
        if (recordEnds) {
          events.add("end " + entity.name() + " at " + rows);
        }
      }

      @Override
      public void finish() {
        events.add("finish " + entity.name());
      }

      @Override
      public void close() {
        events.add("close " + entity.name());
        openWriters.decrementAndGet();
      }
    };
  }

  @Override
  public void close() {
    events.add("close sink");
  }

  List<String> linesOf(String entity) {
    synchronized (lines) {
      return lines.stream().filter(l -> l.startsWith(entity + "|")).toList();
    }
  }
}
