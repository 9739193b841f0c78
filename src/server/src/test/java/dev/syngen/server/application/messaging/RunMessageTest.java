package dev.syngen.server.application.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.sink.MessageContract;
import dev.syngen.core.sink.MessageContract.Field;
import jakarta.jms.Message;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which received messages the example consumer tallies, and which it ignores as foreign. */
class RunMessageTest {
  private static Message message(Map<String, String> properties) {
    return (Message)
        Proxy.newProxyInstance(
            Message.class.getClassLoader(),
            new Class<?>[] {Message.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getStringProperty" -> properties.get((String) args[0]);
                  case "getLongProperty" -> Long.parseLong(properties.get((String) args[0]));
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static Map<String, String> row(String run, String entity) {
    return Map.of(
        Field.RUN_ID.property(),
        run,
        Field.ENTITY.property(),
        entity,
        Field.KIND.property(),
        "row",
        Field.ROW.property(),
        "7");
  }

  @Test
  void aContractMessageIsReadWithItsRow() {
    RunMessage m = RunMessage.of(message(row("run-1", "orders")));
    assertFalse(m.foreign());
    assertEquals("run-1", m.runId());
    assertEquals(7, m.row());
  }

  @Test
  void anEndOfEntityMessageCarriesItsCount() {
    RunMessage m =
        RunMessage.of(
            message(
                Map.of(
                    Field.RUN_ID.property(), "run-1",
                    Field.ENTITY.property(), "orders",
                    Field.KIND.property(), MessageContract.KIND_END_OF_ENTITY,
                    Field.ROW_COUNT.property(), "1000")));
    assertTrue(m.endOfEntity());
    assertEquals(1000, m.rowCount());
  }

  @Test
  void idsLongerThanTheHistoryHoldsAreForeignRatherThanAFailedInsert() {
    assertTrue(RunMessage.of(message(row("r".repeat(41), "orders"))).foreign());
    assertFalse(RunMessage.of(message(row("r".repeat(40), "orders"))).foreign());
    assertTrue(RunMessage.of(message(row("run-1", "e".repeat(65)))).foreign());
  }

  @Test
  void missingOrUnreadablePropertiesAreForeign() {
    assertTrue(RunMessage.of(message(Map.of(Field.RUN_ID.property(), "run-1"))).foreign());
    Map<String, String> bad = new java.util.HashMap<>(row("run-1", "orders"));
    bad.put(Field.ROW.property(), "seven");
    assertTrue(RunMessage.of(message(bad)).foreign());
  }
}
