package dev.syngen.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RunIdsTest {
  @Test
  void anIdIsTheSecondAndFourHexDigits() {
    String id = RunIds.next(Instant.parse("2026-12-04T12:22:58.833Z"));
    assertTrue(id.matches("20261204T122258Z-[0-9a-f]{4}"), id);
  }

  /** 16 random bits alone repeat within a few hundred draws; a burst of starts must not. */
  @Test
  void aBurstInOneSecondNeverRepeatsAnId() throws Exception {
    Instant now = Instant.parse("2026-06-01T08:00:00.100Z");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> made = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Callable<List<String>> draw =
            () -> {
              List<String> ids = new ArrayList<>();
              for (int i = 0; i < 5_000; i++) {
                ids.add(RunIds.next(now));
              }
              return ids;
            };
        made.add(pool.submit(draw));
      }
      Set<String> all = new HashSet<>();
      for (Future<List<String>> f : made) {
        all.addAll(f.get());
      }
      assertEquals(20_000, all.size(), "20,000 ids in one second, all different");
      assertTrue(all.stream().allMatch(id -> id.startsWith("20260601T080000Z-")));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenASecondsIdsRunOutTheNextSecondsServe() {
    Instant now = Instant.parse("2026-07-01T00:00:00Z");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 0x10000; i++) {
      ids.add(RunIds.next(now));
    }
    assertEquals(0x10000, ids.size());
    String next = RunIds.next(now);
    assertTrue(next.startsWith("20260701T000001Z-"), next);
  }
}
