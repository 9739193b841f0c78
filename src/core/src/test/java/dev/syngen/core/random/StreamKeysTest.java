package dev.syngen.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamKeysTest {
  @Test
  void sameInputsGiveTheSameKey() {
    assertEquals(StreamKeys.of(7, "orders", "id"), StreamKeys.of(7, "orders", "id"));
  }

  @Test
  void nameBoundariesMatter() {
    assertNotEquals(StreamKeys.of(1, "ab", "c"), StreamKeys.of(1, "a", "bc"));
    assertNotEquals(StreamKeys.of(1, "a", ""), StreamKeys.of(1, "", "a"));
    assertNotEquals(StreamKeys.of(1, "orders", "id"), StreamKeys.of(1, "id", "orders"));
  }

  @Test
  void everySeedEntityColumnTripleHasItsOwnKey() {
    List<String> names =
        List.of("", "a", "b", "ab", "ba", "id", "orders", "order", "orders_", "é", "customer_id");
    Set<Long> keys = new HashSet<>();
    int n = 0;
    for (long seed : new long[] {0, 1, 2, 3, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
      for (String entity : names) {
        for (String column : names) {
          keys.add(StreamKeys.of(seed, entity, column));
          n++;
        }
      }
    }
    assertEquals(n, keys.size(), "two (seed, entity, column) triples share a stream key");
  }

  @Test
  void purposeKeysDifferFromTheColumnKeyAndFromEachOther() {
    long column = StreamKeys.of(1, "orders", "id");
    long rows = StreamKeys.of(1, "orders", "id", "rows");
    long other = StreamKeys.of(1, "orders", "id", "other");
    assertEquals(3, Set.of(column, rows, other).size());
  }
}
