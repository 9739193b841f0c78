package dev.syngen.io.message;

import dev.syngen.core.sink.MessageContract;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.core.sink.RunContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract fields that are the same for every record of one entity in one run (run, scenario,
 * config hash, producer, entity, content type, kind, and the run's traceparent when it is traced),
 * computed once per entity.
 */
public final class ContractFields {
  private ContractFields() {}

  public static Map<Field, String> record(RunContext run, String entity) {
    Map<Field, String> m = common(run, entity);
    m.put(Field.KIND, MessageContract.KIND_RECORD);
    m.put(Field.CONTENT_TYPE, MessageContract.JSON);
    return m;
  }

  public static Map<Field, String> endOfEntity(RunContext run, String entity, long rows) {
    Map<Field, String> m = common(run, entity);
    m.put(Field.KIND, MessageContract.KIND_END_OF_ENTITY);
    m.put(Field.ROW_COUNT, Long.toString(rows));
    m.put(Field.CONTENT_TYPE, MessageContract.JSON);
    return m;
  }

  private static Map<Field, String> common(RunContext run, String entity) {
    Map<Field, String> m = new LinkedHashMap<>();
    m.put(Field.RUN_ID, run.runId());
    m.put(Field.SCENARIO_ID, run.scenarioId());
    m.put(Field.SCENARIO_VERSION, run.scenarioVersion());
    m.put(Field.CONFIG_HASH, run.configHash());
    m.put(Field.PRODUCER_ID, run.producerId());
    m.put(Field.ENTITY, entity);
    if (!run.traceparent().isEmpty()) {
      m.put(Field.TRACEPARENT, run.traceparent());
    }
    return m;
  }
}
