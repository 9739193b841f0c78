package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.fidelity.Chart;
import dev.syngen.core.fidelity.Check;
import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.fidelity.FidelityReport;
import dev.syngen.core.fidelity.FidelityReport.TableSummary;
import dev.syngen.io.history.FileRunRepository;
import dev.syngen.server.application.fidelity.StoredFidelity;
import dev.syngen.server.interfaces.view.RunView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fidelity page's prompts and their one-click fixes, and the report read back with charts. */
class FidelityAdvisorTest {
  @Test
  void shapeFailuresWithinALooserBandOfferACheckAtThatBand() {
    Check share = check("shares", Status.FAIL, 0.06, 0.05);
    Check far = check("distribution", Status.FAIL, 0.5, 0.05);
    List<FidelityPrompt> out =
        FidelityAdvisor.prompts(report("normal", 50_000, share, far), run(0.1));
    FidelityPrompt p = out.get(0);
    assertTrue(p.isButton());
    assertEquals("relaxed", p.recheck());
    assertEquals("1 of 2 failed shape checks pass at tolerance relaxed", p.title());
  }

  @Test
  void atTheLoosestBandThereIsNoLooserOne() {
    Check share = check("shares", Status.FAIL, 0.35, 0.30);
    assertTrue(
        FidelityAdvisor.prompts(report("relaxed", 50_000, share), run(1.0)).stream()
            .noneMatch(FidelityPrompt::isButton));
  }

  @Test
  void rowsLeftFromAnEarlierRunOfferAReRunIntoEmptiedTablesWithTheSameSeed() {
    Check count =
        new Check(
            "row_count", "orders", "100", "250", null, null, 1.5, 0.0, Status.WARN, "more", null);
    FidelityPrompt p = FidelityAdvisor.prompts(report("normal", 250, count), run(1.0)).get(0);
    assertNull(p.recheck());
    assertEquals(
        "new-run.xhtml?scenario=iot-demo&target=pg&seed=42&mode=truncate_then_insert", p.href());
  }

  @Test
  void noisyShapesOnFewRowsOfferTheSameSeedAtABiggerScale() {
    Check share = check("shares", Status.WARN, 0.04, 0.05);
    FidelityPrompt p = FidelityAdvisor.prompts(report("normal", 120, share), run(0.01)).get(0);
    assertEquals("new-run.xhtml?scenario=iot-demo&target=pg&seed=42&scale=0.1", p.href());
  }

  @Test
  void keyFailuresOpenTheScenarioAndUnreadableTablesTestTheTarget() {
    Check fk = check("fk", Status.FAIL, null, null);
    Check gone = Check.unreadable("table", "orders", "orders", "no such table");
    List<FidelityPrompt> out = FidelityAdvisor.prompts(report("normal", 5_000, fk, gone), run(1.0));
    assertTrue(
        out.stream().anyMatch(p -> p.href().equals("targets.xhtml?test=pg")), out.toString());
    assertTrue(
        out.stream().anyMatch(p -> p.href().equals("scenario-editor.xhtml?id=iot-demo")),
        out.toString());
  }

  @Test
  void aCleanReportHasNothingToFix() {
    assertEquals(
        List.of(),
        FidelityAdvisor.prompts(
            report("normal", 5_000, check("shares", Status.PASS, 0.01, 0.05)), run(1.0)));
  }

  @Test
  void theStoredReportReadsBackWithTheHtmlReportsCharts() throws Exception {
    Check share =
        new Check(
            "shares",
            "orders.status",
            "a 50 %",
            "a 52 %",
            null,
            null,
            0.02,
            0.05,
            Status.PASS,
            "ok",
            new Chart(
                "orders.status <shares>",
                List.of("a", "b"),
                List.of(0.5, 0.5),
                List.of(0.52, 0.48)));
    FidelityReport r = report("normal", 5_000, share);
    String json = FileRunRepository.mapper().writeValueAsString(r);
    FidelityReportView v =
        FidelityReportView.of(
            new StoredFidelity(1, "r1", Instant.EPOCH, "admin", "GO", "normal", json, ""));
    assertEquals("GO", v.getVerdict());
    assertEquals(1, v.charts().size());
    String svg = v.charts().get(0).svg();
    assertTrue(svg.startsWith("<svg") && svg.contains("class=\"expected\""), svg);
    assertTrue(svg.contains("orders.status &lt;shares&gt;"), "labels are escaped: " + svg);
    assertEquals("0.02000 / 0.05000", FidelityReportView.numbers(share));
  }

  private static Check check(String kind, Status status, Double deviation, Double allowed) {
    return new Check(
        kind, "orders.status", "e", "o", null, null, deviation, allowed, status, "m", null);
  }

  private static FidelityReport report(String band, long rows, Check... checks) {
    boolean go = List.of(checks).stream().noneMatch(Check::failed);
    return new FidelityReport(
        "iot-demo",
        "r1",
        "pg",
        Instant.EPOCH,
        band,
        0.01,
        20_000,
        go ? FidelityReport.Verdict.GO : FidelityReport.Verdict.NO_GO,
        go ? List.of() : List.of("a check failed"),
        List.of(new TableSummary("orders", "orders", rows, rows, (int) Math.min(rows, 20_000))),
        List.of(checks),
        List.of(),
        12);
  }

  private static RunView run(double scale) {
    return new RunView(
        "r1",
        "success",
        "iot-demo",
        "IoT",
        "1",
        "pg",
        "pg",
        "postgres",
        "postgres://***",
        42L,
        "2026-01-01T00:00:00Z",
        "abc",
        "create_if_missing",
        2,
        Map.of("scale", scale),
        Instant.EPOCH,
        Instant.EPOCH,
        null,
        null,
        List.of(),
        100,
        100,
        1,
        1,
        null,
        null,
        null,
        List.of(),
        null,
        null);
  }
}
