package dev.syngen.server.application.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.profile.ClusterOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A profile request is checked field by field, every problem at once, each with its fix. */
class ProfileRequestTest {
  @Test
  void aGoodRequestKeepsItsTableSampleAndClustering() {
    Problems problems = new Problems();
    ProfileRequest r = ProfileRequest.of(" telemetry ", 5000, 10, "dbscan", 0, 0.8, 6, problems);
    assertTrue(problems.isEmpty(), problems.list().toString());
    assertEquals("telemetry", r.table());
    assertEquals(5000, r.sample());
    assertEquals(new ClusterOptions(ClusterOptions.Method.DBSCAN, 0, 0.8, 6), r.clusters());
  }

  @Test
  void everyBadFieldIsNamedWithItsFix() {
    Problems problems = new Problems();
    ProfileRequest r =
        ProfileRequest.of("orders; drop table x", 50, 1, "spectral", 13, -1.0, 1, problems);
    assertNull(r);
    List<String> paths = problems.list().stream().map(Problem::path).toList();
    assertEquals(List.of("table", "sample", "k", "method", "clusters", "eps", "min_points"), paths);
    problems.list().forEach(p -> assertTrue(p.fix() != null && !p.fix().isBlank(), p.toString()));
  }

  @Test
  void aMissingTableAndTooBigASampleAreRefused() {
    Problems problems = new Problems();
    assertNull(
        ProfileRequest.of("", ProfileRequest.MAX_SAMPLE + 1, 10, "kmeans", 3, null, 5, problems));
    assertEquals(List.of("table", "sample"), problems.list().stream().map(Problem::path).toList());
  }
}
