package dev.syngen.io.message;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.PayloadShape;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.SinkException;
import java.util.List;

/**
 * Builds each entity's {@link RecordEncoder} from the run's payload shape and the target's key
 * columns, and checks before anything is sent that a payload template fits some entity.
 */
public final class Encoders {
  private final PayloadShape shape;
  private final KeyColumns keys;

  /**
   * @param keys the key columns, or null when the target does not key records
   */
  public Encoders(RunContext run, KeyColumns keys) {
    this.shape = run.payload();
    this.keys = keys;
  }

  public void check(List<CompiledEntity> entities) {
    if (keys != null) {
      keys.check(entities);
    }
    String t = shape.template();
    if (t != null && entities.stream().allMatch(e -> PayloadTemplate.bind(t, e) == null)) {
      throw new SinkException(
          "the payload template uses "
              + PayloadTemplate.columnsOf(t)
              + ", but no entity of this run has all of these columns; use {{column}} with"
              + " columns of the entity to shape");
    }
  }

  /** The encoder of one entity; entities without the template's columns keep their JSON. */
  public RecordEncoder of(CompiledEntity e) {
    PayloadTemplate template =
        shape.template() == null ? null : PayloadTemplate.bind(shape.template(), e);
    return new RecordEncoder(e, shape, keys == null ? -1 : keys.indexOf(e), template);
  }
}
