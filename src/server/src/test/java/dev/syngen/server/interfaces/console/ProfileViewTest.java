package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.profile.TableProfile.Cluster;
import dev.syngen.core.profile.TableProfile.Clusters;
import dev.syngen.core.profile.TableProfile.ColumnProfile;
import dev.syngen.core.profile.TableProfile.Separation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile page's reading of a profile: sizes, centres, structure and the pattern sentence. */
class ProfileViewTest {
  @Test
  void clustersShowSizesCentresStructureAndThePattern() {
    Clusters found =
        new Clusters(
            "hierarchical",
            List.of("value", "metric=battery_pct"),
            List.of(
                new Cluster(0.6, List.of(21.5, 0.0), List.of(4.0, 0.0), 0.71),
                new Cluster(0.4, List.of(80.25, 1.0), List.of(3.0, 0.0), 0.64)),
            1,
            0,
            0.68,
            List.of(new Separation("metric", 0.93), new Separation("value", 0.41)));
    ProfileView v = ProfileView.of(profile(found));
    assertEquals("hierarchical", v.method());
    assertEquals("0.68", v.silhouette());
    assertEquals("reasonable structure", v.structure());
    assertEquals(List.of("60.0%", "40.0%"), v.clusters().stream().map(c -> c.share()).toList());
    assertEquals(List.of("80.3", "1"), v.clusters().get(1).centre());
    assertEquals(1, v.suppressed());
    assertEquals(
        "The 2 clusters differ most in metric (93.0% of its variance between clusters),"
            + " value (41.0% of its variance between clusters).",
        v.pattern());
    assertEquals("median 21.5, 90% within 14.6 … 28.4", v.columns().get(0).summary());
  }

  @Test
  void oneClusterIsNoStructureAndNoPattern() {
    Clusters one =
        new Clusters(
            "dbscan",
            List.of("value"),
            List.of(new Cluster(1.0, List.of(21.5), List.of(4.0), 0)),
            0,
            0.05,
            0,
            List.of());
    ProfileView v = ProfileView.of(profile(one));
    assertEquals("no clusters", v.structure());
    assertEquals("", v.pattern());
    assertEquals("5.0%", v.noise());
  }

  private static TableProfile profile(Clusters clusters) {
    ColumnProfile value =
        new ColumnProfile(
            "value",
            "double",
            "number",
            0.0,
            1000,
            Map.of("p5", 14.6, "p50", 21.5, "p95", 28.4),
            List.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            List.of(),
            List.of());
    return new TableProfile("telemetry", 1000, 1000, 10, List.of(value), clusters, List.of());
  }
}
