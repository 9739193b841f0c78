package dev.syngen.core.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.fidelity.GenerationReport.IntegrityResult;
import dev.syngen.core.fidelity.GenerationReport.MeasureResult;
import dev.syngen.core.fidelity.GenerationReport.MetricResult;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.ExtensionsMapper;
import dev.syngen.core.scenario.Gate;
import dev.syngen.core.scenario.GeneratorSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate decides from the generation report alone, and its section maps with paths. */
class ReleaseGateTest {
  private static MetricResult metric(String name, boolean critical, String status) {
    return new MetricResult(
        name,
        critical,
        "normal",
        status,
        List.of(new MeasureResult("share of t.c in [x]", 0.5, 0.5, 0, 0.15)));
  }

  private static GenerationReport report(
      List<MetricResult> metrics, List<IntegrityResult> integrity, List<String> warnings) {
    return new GenerationReport(
        "chat",
        "run-1",
        "ci",
        Instant.parse("2026-12-03T06:00:00Z"),
        1718,
        "a".repeat(64),
        Instant.parse("2026-01-01T00:00:00Z"),
        List.of(new GenerationReport.Size("messages", "messages", 10, 10)),
        metrics,
        integrity,
        3,
        warnings,
        List.of(),
        null,
        null);
  }

  private static final List<IntegrityResult> CLEAN =
      List.of(
          new IntegrityResult("no_pii", true, "ok"),
          new IntegrityResult("monotonic_timestamps", true, "ok"),
          new IntegrityResult("referential_integrity", true, "ok"));

  @Test
  void everyCriticalMetricPassingAndFewWarningsIsGo() {
    GenerationReport r =
        ReleaseGate.decide(
            report(
                List.of(metric("heavy_rooms", true, "PASS"), metric("media", false, "WARN")),
                CLEAN,
                List.of("shares t.c: slightly off", "shares t.d: slightly off")));
    assertEquals("GO", r.verdict());
    assertEquals(List.of(), r.reasons());
    assertEquals("report_ci_20261203T060000Z.json", r.fileName());
  }

  @Test
  void aFailedCriticalMetricABrokenIntegrityCheckOrTooManyWarningsIsNoGoWithReasons() {
    GenerationReport critical =
        ReleaseGate.decide(report(List.of(metric("heavy_rooms", true, "FAIL")), CLEAN, List.of()));
    assertEquals("NO-GO", critical.verdict());
    assertTrue(critical.reasons().get(0).startsWith("critical metric heavy_rooms"));
    List<IntegrityResult> broken = new ArrayList<>(CLEAN);
    broken.set(2, new IntegrityResult("referential_integrity", false, "sender not a member"));
    GenerationReport integrity = ReleaseGate.decide(report(List.of(), broken, List.of()));
    assertEquals("NO-GO", integrity.verdict());
    assertEquals(
        List.of("integrity referential_integrity: sender not a member"), integrity.reasons());
    GenerationReport warnings =
        ReleaseGate.decide(
            report(
                List.of(metric("a", false, "WARN"), metric("b", false, "WARN")),
                CLEAN,
                List.of("w1", "w2")));
    assertEquals("NO-GO", warnings.verdict());
    assertEquals(List.of("4 warnings, more than the 3 allowed"), warnings.reasons());
  }

  @Test
  void theGateSectionMapsAndBadMeasuresAreReportedWithPaths() {
    Map<String, Object> measure = new LinkedHashMap<>();
    measure.put("children_share", "messages.conversation_id");
    measure.put("of", "conversations.conversation_id");
    measure.put("at_least", 10000);
    measure.put("expect", 0.02);
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("name", "heavy_rooms");
    metric.put("critical", true);
    metric.put("band", "relaxed");
    metric.put("measures", List.of(measure));
    Problems ok = new Problems();
    Expectations x =
        new ExtensionsMapper(ok)
            .expectations(Map.of("gate", Map.of("metrics", List.of(metric))), "expectations");
    assertTrue(ok.isEmpty(), ok.list().toString());
    Gate g = x.gate();
    assertEquals(3, g.maxWarnings());
    Gate.Measure m = g.metrics().get(0).measures().get(0);
    assertEquals(Gate.Measure.Kind.CHILDREN_SHARE, m.kind());
    assertEquals("conversations", m.ofEntity());
    assertEquals(10000.0, m.atLeast());

    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("quantile", "messages");
    bad.put("q", 2);
    Map<String, Object> badMetric = new LinkedHashMap<>();
    badMetric.put("name", "x");
    badMetric.put("band", "loose");
    badMetric.put("measures", List.of(bad, Map.of("expect", 1)));
    Problems problems = new Problems();
    new ExtensionsMapper(problems)
        .expectations(Map.of("gate", Map.of("metrics", List.of(badMetric))), "expectations");
    List<String> paths = problems.list().stream().map(Problem::path).toList();
    String base = "expectations.gate.metrics[0]";
    assertTrue(paths.contains(base + ".band"), paths.toString());
    assertTrue(paths.contains(base + ".measures[0].quantile"), paths.toString());
    assertTrue(paths.contains(base + ".measures[0].q"), paths.toString());
    assertTrue(paths.contains(base + ".measures[0].expect"), paths.toString());
    assertTrue(paths.contains(base + ".measures[1]"), paths.toString());
  }

  @Test
  void fakerOfPeoplesDetailsCountsAsPii() {
    assertTrue(ReleaseGate.identifiesPeople(new GeneratorSpec("faker_name", Map.of())));
    assertTrue(
        ReleaseGate.identifiesPeople(
            new GeneratorSpec("faker", Map.of("provider", "name.first_name"))));
    assertTrue(
        ReleaseGate.identifiesPeople(
            new GeneratorSpec("faker", Map.of("expression", "#{Internet.emailAddress}"))));
    assertTrue(
        ReleaseGate.identifiesPeople(
            new GeneratorSpec("faker", Map.of("provider", "phone_number.cell_phone"))));
    assertFalse(
        ReleaseGate.identifiesPeople(
            new GeneratorSpec("faker", Map.of("provider", "commerce.product_name"))));
    assertFalse(
        ReleaseGate.identifiesPeople(
            new GeneratorSpec("faker", Map.of("provider", "address.city"))));
    assertFalse(ReleaseGate.identifiesPeople(new GeneratorSpec("faker_city", Map.of())));
  }
}
