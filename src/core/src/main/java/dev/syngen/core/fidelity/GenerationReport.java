package dev.syngen.core.fidelity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What one generated dataset measured, as the release gate reads it: the run's identity (seed,
 * config hash, band), the size of every table, every gate metric with its measured figures, the
 * integrity results, the warnings and failures of the fidelity checks, and the decision. Written as
 * {@code report_<band>_<time>.json}.
 */
public record GenerationReport(
    String scenarioId,
    String runId,
    String band,
    Instant createdAt,
    long seed,
    String configHash,
    Instant asOf,
    List<Size> sizes,
    List<MetricResult> metrics,
    List<IntegrityResult> integrity,
    int maxWarnings,
    List<String> checkWarnings,
    List<String> checkFailures,
    String verdict,
    List<String> reasons) {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public GenerationReport {
    sizes = List.copyOf(sizes);
    metrics = List.copyOf(metrics);
    integrity = List.copyOf(integrity);
    checkWarnings = List.copyOf(checkWarnings);
    checkFailures = List.copyOf(checkFailures);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** Rows planned and found in one table. */
  public record Size(String entity, String table, long planned, long observed) {}

  /** One measured figure: what, expected, observed, relative deviation and what the band allows. */
  public record MeasureResult(
      String what, double expected, double observed, double deviation, double allowed) {
    public boolean within() {
      return deviation <= allowed;
    }
  }

  /** A gate metric: PASS when every measure is within its band, else FAIL (critical) or WARN. */
  public record MetricResult(
      String name, boolean critical, String band, String status, List<MeasureResult> measures) {
    public MetricResult {
      measures = List.copyOf(measures);
    }
  }

  /** An integrity check of the gate: it passes or it does not, with what was found. */
  public record IntegrityResult(String name, boolean passed, String detail) {}

  /** The file name of this report: {@code report_<band>_<yyyyMMddTHHmmssZ>.json}. */
  public String fileName() {
    return "report_" + (band == null ? "default" : band) + "_" + STAMP.format(createdAt) + ".json";
  }

  /** This report with the gate's decision. */
  public GenerationReport decided(String verdict, List<String> reasons) {
    return new GenerationReport(
        scenarioId,
        runId,
        band,
        createdAt,
        seed,
        configHash,
        asOf,
        sizes,
        metrics,
        integrity,
        maxWarnings,
        checkWarnings,
        checkFailures,
        verdict,
        reasons);
  }
}
