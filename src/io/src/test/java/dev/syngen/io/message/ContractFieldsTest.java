package dev.syngen.io.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.MessageContract.Field;
import org.junit.jupiter.api.Test;

class ContractFieldsTest {
  private final CompiledPlan plan = MessageRuns.plan(10);

  @Test
  void aTracedRunsRecordsAndEndOfEntityCarryItsTraceparent() {
    var traced = MessageRuns.traced(plan, "r1");
    assertEquals(
        MessageRuns.TRACEPARENT, ContractFields.record(traced, "readings").get(Field.TRACEPARENT));
    assertEquals(
        MessageRuns.TRACEPARENT,
        ContractFields.endOfEntity(traced, "readings", 10).get(Field.TRACEPARENT));
  }

  @Test
  void anUntracedRunSendsNoTraceparentAtAll() {
    var plain = MessageRuns.context(plan, "r1");
    assertFalse(ContractFields.record(plain, "readings").containsKey(Field.TRACEPARENT));
    assertFalse(ContractFields.endOfEntity(plain, "readings", 10).containsKey(Field.TRACEPARENT));
  }

  @Test
  void jmsKeepsTheW3cPropertyName() {
    assertEquals("traceparent", Field.TRACEPARENT.property());
    assertEquals("traceparent", Field.TRACEPARENT.header());
  }
}
