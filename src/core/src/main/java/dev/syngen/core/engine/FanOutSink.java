package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one generation pass to several targets. Each batch is filled once and encoded by every
 * target on the worker threads; each target then writes from its own bounded queue on its own
 * thread, so a slow target holds back the run only when its queue is full. The first target that
 * fails stops the run with an error that names it.
 */
public final class FanOutSink implements Sink {
  /** One target of the fan-out, with the label errors name it by. */
  public record Target(String label, Sink sink) {}

  private final List<Target> targets;
  private final int queueDepth;

  public FanOutSink(List<Target> targets, int queueDepth) {
    if (targets.isEmpty() || queueDepth < 1) {
      throw new IllegalArgumentException("a fan-out needs targets and a queue depth >= 1");
    }
    this.targets = List.copyOf(targets);
    this.queueDepth = queueDepth;
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    for (Target t : targets) {
      try {
        t.sink().prepare(entities, mode);
      } catch (RuntimeException e) {
        throw FanOutLane.failure(t.label(), e);
      }
    }
  }

  @Override
  public EntityWriter<Object[]> open(CompiledEntity entity, long startRow) {
    List<FanOutLane> lanes = new ArrayList<>();
    try {
      for (Target t : targets) {
        lanes.add(new FanOutLane(t.label(), openOne(t, entity, startRow), queueDepth, entity));
      }
    } catch (RuntimeException e) {
      lanes.forEach(FanOutLane::close);
      throw e;
    }
    return new FanOutWriter(lanes);
  }

  private static EntityWriter<?> openOne(Target t, CompiledEntity entity, long startRow) {
    try {
      return t.sink().open(entity, startRow);
    } catch (RuntimeException e) {
      throw FanOutLane.failure(t.label(), e);
    }
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (Target t : targets) {
      try {
        t.sink().close();
      } catch (RuntimeException e) {
        first = first == null ? FanOutLane.failure(t.label(), e) : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Encodes for every lane on the worker threads; hands each lane its chunk in row order. */
  private static final class FanOutWriter implements EntityWriter<Object[]> {
    private final List<FanOutLane> lanes;

    FanOutWriter(List<FanOutLane> lanes) {
      this.lanes = lanes;
    }

    @Override
    public Object[] encode(RowBatch batch) {
      Object[] chunks = new Object[lanes.size()];
      for (int i = 0; i < chunks.length; i++) {
        chunks[i] = lanes.get(i).encode(batch);
      }
      return chunks;
    }

    @Override
    public void write(Object[] chunks) {
      for (int i = 0; i < chunks.length; i++) {
        lanes.get(i).offer(chunks[i]);
      }
    }

    @Override
    public long encodedBytes(Object[] chunks) {
      long most = -1;
      for (int i = 0; i < chunks.length; i++) {
        most = Math.max(most, lanes.get(i).encodedBytes(chunks[i]));
      }
      return most;
    }

    @Override
    public void endOfEntity(long rows) {
      lanes.forEach(lane -> lane.requestEndOfEntity(rows));
    }

    @Override
    public void finish() {
      lanes.forEach(FanOutLane::requestFinish);
      lanes.forEach(FanOutLane::awaitFinished);
    }

    @Override
    public void close() {
      RuntimeException first = null;
      for (FanOutLane lane : lanes) {
        try {
          lane.close();
        } catch (RuntimeException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  /** Thrown for a failed lane; kept as a type so callers need not parse messages. */
  public static final class TargetFailedException extends SinkException {
    private static final long serialVersionUID = 1L;
    private final String target;

    TargetFailedException(String target, RuntimeException cause) {
      super(
          target
              + " failed: "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getMessage()),
          cause);
      this.target = target;
    }

    public String target() {
      return target;
    }
  }
}
