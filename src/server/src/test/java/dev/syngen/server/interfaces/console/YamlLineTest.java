package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YamlLineTest {
  @Test
  void splitsAKeyLineForHighlighting() {
    YamlLine l = new YamlLine(3, "  - name: orders", null);
    assertEquals("  - ", l.getLead());
    assertEquals("name", l.getKey());
    assertEquals(": orders", l.getRest());
  }

  @Test
  void keepsCommentsAndLinesWithoutKeysWhole() {
    YamlLine c = new YamlLine(1, "  # seeded", null);
    assertTrue(c.isComment());
    assertEquals("", c.getKey());
    YamlLine v = new YamlLine(2, "    - 3", null);
    assertEquals("    - 3", v.getLead());
    assertEquals("", v.getKey());
    assertEquals("", v.getRest());
  }
}
