package dev.syngen.io.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRunRepositoryTest {
  @TempDir Path dir;

  private static RunRecord record(RunStatus status, Instant finished, String error) {
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("seed", 42L);
    overrides.put("scale", 0.001);
    overrides.put("entity_counts", Map.of("orders", 1000L, "customers", 7));
    overrides.put("include_entities", List.of("orders", "customers"));
    overrides.put("wall_clock", true);
    overrides.put("rate", "1,000/s \"quoted\" \u00e9\u65e5");
    overrides.put("precise", new BigDecimal("1.50"));
    overrides.put("when", Instant.parse("2026-01-01T00:00:00.123456789Z"));
    return new RunRecord(
        "20261203T145548Z-5884",
        status,
        "bench",
        "Benchmark row (8 columns)",
        "1.0.0",
        "scenarios/bench.yaml",
        "inline",
        "inline csv",
        "csv",
        "/tmp/out",
        -7,
        Instant.parse("2026-01-01T00:00:00Z"),
        "b485246b",
        "truncate_then_insert",
        2,
        overrides,
        Instant.parse("2026-12-03T14:55:48.479613464Z"),
        Instant.parse("2026-12-03T14:55:48.514Z"),
        finished,
        List.of(new EntityProgress("bench_rows", "bench_rows", 1000, 999, 24, 126375)),
        error);
  }

  @Test
  void savedRecordIsTheTextTheDataBindingMapperWrites() throws Exception {
    FileRunRepository repo = new FileRunRepository(dir);
    for (RunRecord r :
        List.of(
            record(RunStatus.SUCCESS, Instant.parse("2026-12-03T14:55:48.592423982Z"), null),
            record(RunStatus.RUNNING, null, null),
            record(RunStatus.FAILED, Instant.parse("2026-12-03T14:56:00Z"), "disk full: \n\t"))) {
      repo.save(r);
      String saved = Files.readString(dir.resolve(r.id() + ".json"), StandardCharsets.UTF_8);
      assertEquals(FileRunRepository.mapper().writeValueAsString(r), saved);
    }
  }

  @Test
  void savedRecordReadsBackEqual() {
    FileRunRepository repo = new FileRunRepository(dir);
    RunRecord r = record(RunStatus.SUCCESS, Instant.parse("2026-12-03T14:55:49Z"), "none");
    repo.save(r);
    RunRecord back = repo.find(r.id()).orElseThrow();
    assertEquals(r.withEntities(List.of()).id(), back.id());
    assertEquals(r.entities(), back.entities());
    assertEquals(r.finishedAt(), back.finishedAt());
    assertEquals(r.seed(), back.seed());
    assertEquals(List.of(back), repo.list(5, RunStatus.SUCCESS));
    assertTrue(repo.list(5, RunStatus.FAILED).isEmpty());
  }
}
