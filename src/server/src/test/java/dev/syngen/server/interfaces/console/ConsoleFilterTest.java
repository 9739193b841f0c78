package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleFilterTest {
  @Test
  void dotSegmentsAreFoundInEverySpelling() {
    for (String raw :
        new String[] {
          "/console/assets/../audit.xhtml",
          "/console/jakarta.faces.resource/../targets.xhtml",
          "/console/assets/%2e%2e/audit.xhtml",
          "/console/assets/%2E./audit.xhtml",
          "/console/assets/..;x=1/audit.xhtml",
          "/console/assets/./../live",
          "/console/assets/..%2faudit.xhtml",
          "/console/assets/.."
        }) {
      assertTrue(ConsoleFilter.hasDotSegment(raw), raw);
    }
    assertFalse(ConsoleFilter.hasDotSegment("/console/assets/console.css"));
    assertFalse(ConsoleFilter.hasDotSegment("/console/run.xhtml;jsessionid=abc"));
    assertFalse(ConsoleFilter.hasDotSegment("/console/assets/app..js"));
  }

  @Test
  void onlyTheLoginFormAndStaticAssetsAreOpen() {
    assertTrue(ConsoleFilter.open("/console/login.xhtml"));
    assertTrue(ConsoleFilter.open("/console/assets/console.css"));
    assertFalse(ConsoleFilter.open("/console/audit.xhtml"));
    assertFalse(ConsoleFilter.open("/console/live"));
    assertFalse(ConsoleFilter.open("/console/login.xhtml/audit.xhtml"));
  }
}
