package dev.syngen.server.application.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RunQueryTest {
  @Test
  void sortsOnlyByAllowedFieldsAndKeepsPagesBounded() {
    RunQuery q = new RunQuery(null, " ", "pg ", null, null, null, "r.id; DROP", true, -5, 100_000);
    assertEquals("createdAt", q.sort(), "an unknown field sorts by creation time");
    assertNull(q.scenario(), "a blank filter matches all");
    assertEquals("pg", q.target());
    assertEquals(0, q.offset());
    assertEquals(RunQuery.MAX_LIMIT, q.limit());
    assertEquals(
        "createdBy",
        new RunQuery(null, null, null, null, null, null, "createdBy", false, 0, 25).sort());
  }
}
