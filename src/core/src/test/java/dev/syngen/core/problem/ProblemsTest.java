package dev.syngen.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  @Test
  void pathsAreReRootedUnderTheFieldThatHoldsThem() {
    assertEquals("scenario.entities[0].rows", Problems.join("scenario", "entities[0].rows"));
    assertEquals("scenario", Problems.join("scenario", "(yaml)"));
    assertEquals("target", Problems.join("target", ""));
    assertEquals("target[1]", Problems.join("target", "[1]"));
    assertEquals("dsn", Problems.join("", "dsn"));

    Problems into = new Problems();
    into.addUnder("target", List.of(new Problem("dsn", "is missing", "write one")));
    assertEquals(List.of(new Problem("target.dsn", "is missing", "write one")), into.list());
  }
}
