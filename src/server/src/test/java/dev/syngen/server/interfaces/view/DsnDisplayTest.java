package dev.syngen.server.interfaces.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DsnDisplayTest {
  @Test
  void literalPasswordsAreMasked() {
    assertEquals("postgres://u:***@h:5432/db", DsnDisplay.redact("postgres://u:secret@h:5432/db"));
    assertEquals(
        "jdbc:postgresql://h/db?user=u&password=***",
        DsnDisplay.redact("jdbc:postgresql://h/db?user=u&password=secret"));
  }

  @Test
  void variableReferencesStayReadableButNotInThePasswordPosition() {
    assertEquals(
        "postgres://${PGUSER:-postgres}:***@${PGHOST:-127.0.0.1}:5432/test",
        DsnDisplay.redact(
            "postgres://${PGUSER:-postgres}:${PGPASSWORD:-hunter2}@${PGHOST:-127.0.0.1}:5432/test"));
    assertEquals("${SYNGEN_CSV_DIR:-./out/csv}", DsnDisplay.redact("${SYNGEN_CSV_DIR:-./out/csv}"));
  }
}
