package dev.syngen.server.infrastructure.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WatchedTargetsTest {

  @Test
  void starWatchesEveryTarget() {
    assertTrue(new WatchedTargets("*").watches("local-kafka"));
  }

  @Test
  void idsAndWildcardsWatchOnlyWhatTheyName() {
    WatchedTargets w = new WatchedTargets(" local-csv , it-ready-* ");
    assertTrue(w.watches("local-csv"));
    assertTrue(w.watches("it-ready-nats-1"));
    assertFalse(w.watches("local-csv2"));
    assertFalse(w.watches("local-kafka"));
  }

  @Test
  void regexCharactersInIdsAreLiteral() {
    assertFalse(new WatchedTargets("a.b").watches("axb"));
  }

  @Test
  void noneOrEmptyWatchesNothing() {
    assertFalse(new WatchedTargets("none").watches("local-csv"));
    assertFalse(new WatchedTargets("").watches("local-csv"));
  }
}
