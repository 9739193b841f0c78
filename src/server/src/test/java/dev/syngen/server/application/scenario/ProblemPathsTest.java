package dev.syngen.server.application.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemPathsTest {
  @Test
  void pathsAreReRootedUnderThePrefix() {
    assertEquals("scenario.entities[0].rows", ProblemPaths.join("scenario", "entities[0].rows"));
    assertEquals("scenario", ProblemPaths.join("scenario", "(yaml)"));
    assertEquals("target", ProblemPaths.join("target", ""));
    assertEquals("dsn", ProblemPaths.join("", "dsn"));
  }
}
