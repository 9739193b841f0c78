package dev.syngen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.syngen.core.sink.Redactor;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void hidesPasswordsInUserInfoEvenWhenTheyContainAt() {
    assertEquals("postgres://u:***@h:5432/db", Redactor.dsn("postgres://u:p@ss@h:5432/db"));
    assertEquals("postgres://u:***@h/db", Redactor.dsn("postgres://u:secret@h/db"));
    assertEquals("postgres://h/db", Redactor.dsn("postgres://h/db"));
  }

  @Test
  void hidesPasswordParametersInJdbcUrlsAndMessages() {
    String r = Redactor.text("failed: jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true");
    assertFalse(r.contains("hunter2"), r);
    assertEquals(
        "jdbc:postgresql://h/db?user=a&password=***&ssl=true",
        Redactor.dsn("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true"));
  }
}
