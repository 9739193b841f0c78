package dev.syngen.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardRangeTest {
  @Test
  void theShardsOfAnEntityAreContiguousDisjointAndCoverEveryRow() {
    for (long rows : List.of(0L, 1L, 3L, 4L, 501L, 10_007L, 1L << 40, Long.MAX_VALUE / 2)) {
      for (int count : List.of(1, 2, 3, 4, 7, 100, Shard.MAX_COUNT)) {
        long next = 0;
        for (int i = 0; i < count; i++) {
          Shard s = new Shard(i, count);
          assertEquals(next, s.first(rows), rows + " rows, shard " + s);
          long size = s.size(rows);
          assertTrue(size == rows / count || size == rows / count + 1, "even split " + s);
          next = s.end(rows);
        }
        assertEquals(rows, next, rows + " rows in " + count + " shards");
      }
    }
  }

  @Test
  void parsesIndexOverCountAndNamesFileParts() {
    Problems problems = new Problems();
    Shard s = Shard.parse(" 2/4 ", "--shard", problems);
    assertTrue(problems.isEmpty());
    assertEquals(new Shard(2, 4), s);
    assertEquals("2/4", s.label());
    assertEquals(".part-00002-of-00004", s.partSuffix());
    assertTrue(Shard.WHOLE.isWhole());
    assertEquals(s, Shard.ofLabel(s.label()));
  }

  @Test
  void refusesShardsOutsideTheirCountWithPathAndFix() {
    for (String bad : List.of("4/4", "0/0", "1/100001", "x/4", "1", "-1/4", "", "1/2/3")) {
      Problems problems = new Problems();
      assertNull(Shard.parse(bad, "--shard", problems), bad);
      assertEquals(1, problems.list().size(), bad);
      assertEquals("--shard", problems.list().get(0).path());
      assertTrue(problems.list().get(0).fix().startsWith("write I/N"), bad);
    }
  }
}
