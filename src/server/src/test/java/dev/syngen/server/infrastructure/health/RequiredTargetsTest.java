package dev.syngen.server.infrastructure.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequiredTargetsTest {

  @Test
  void starWatchesEveryTarget() {
    assertTrue(new RequiredTargets("*").watches("local-kafka"));
  }

  @Test
  void idsAndWildcardsWatchOnlyWhatTheyName() {
    RequiredTargets w = new RequiredTargets(" local-csv , it-ready-* ");
    assertTrue(w.watches("local-csv"));
    assertTrue(w.watches("it-ready-nats-1"));
    assertFalse(w.watches("local-csv2"));
    assertFalse(w.watches("local-kafka"));
  }

  @Test
  void regexCharactersInIdsAreLiteral() {
    assertFalse(new RequiredTargets("a.b").watches("axb"));
  }

  @Test
  void noneOrEmptyWatchesNothing() {
    assertFalse(new RequiredTargets("none").watches("local-csv"));
    assertFalse(new RequiredTargets("").watches("local-csv"));
  }
}
