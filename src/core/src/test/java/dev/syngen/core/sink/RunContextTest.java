package dev.syngen.core.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A run context never holds a null identity field: message headers cannot carry one. */
class RunContextTest {
  @Test
  void aScenarioWithoutVersionOrIdGivesEmptyFieldsNotNulls() {
    RunContext c = new RunContext("run-1", null, null, null, "p", null);
    assertEquals("", c.scenarioId());
    assertEquals("", c.scenarioVersion());
    assertEquals("", c.configHash());
    assertEquals(PayloadShape.NATURAL, c.payload());
    assertEquals("1.0", new RunContext("r", "s", "1.0", "h", "p", null).scenarioVersion());
    assertEquals("", c.traceparent());
  }

  @Test
  void aTraceparentSurvivesTheOtherChangesOfTheContext() {
    String t = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    RunContext c = new RunContext("r", "s", "1", "h", "p", null).withTraceparent(t);
    assertEquals(t, c.withPayload(PayloadShape.NATURAL).withShard(null).traceparent());
    assertEquals("", c.withTraceparent(null).traceparent());
  }
}
