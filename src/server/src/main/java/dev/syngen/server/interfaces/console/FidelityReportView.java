package dev.syngen.server.interfaces.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.syngen.core.fidelity.Check;
import dev.syngen.core.fidelity.FidelityReport;
import dev.syngen.core.fidelity.HtmlReport;
import dev.syngen.io.history.FileRunRepository;
import dev.syngen.server.application.fidelity.StoredFidelity;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A run's newest fidelity report as the fidelity page shows it: when and by whom it was checked,
 * the full report (tables, checks) and the charts of the HTML report, drawn by the same code.
 */
public record FidelityReportView(
    String checkedAt,
    String checkedBy,
    String tolerance,
    FidelityReport report,
    List<ChartView> charts) {

  /** One expected-versus-observed chart: its title, its check's status and the SVG. */
  public record ChartView(String title, String subject, String status, String svg) {}

  static FidelityReportView of(StoredFidelity f) {
    FidelityReport report;
    try {
      report = FileRunRepository.mapper().readValue(f.json(), FidelityReport.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the stored fidelity report of run " + f.runId(), e);
    }
    List<ChartView> charts =
        report.checks().stream()
            .filter(c -> c.chart() != null)
            .map(
                c ->
                    new ChartView(
                        c.chart().title(),
                        c.subject(),
                        c.status().name(),
                        HtmlReport.chart(c.chart())))
            .toList();
    return new FidelityReportView(
        f.checkedAt().toString(), f.checkedBy(), f.tolerance(), report, charts);
  }

  public String getVerdict() {
    return report.verdict().label();
  }

  /** The badge class of the verdict: {@code go} or {@code no-go}. */
  public String getBadge() {
    return getVerdict().toLowerCase(java.util.Locale.ROOT);
  }

  /** How many checks ended with {@code status}. */
  public long count(String status) {
    return report.checks().stream().filter(c -> c.status().name().equals(status)).count();
  }

  /** The numbers behind a check: statistic, p-value, deviation against what is allowed. */
  public static String numbers(Check c) {
    StringBuilder s = new StringBuilder();
    if (c.statistic() != null) {
      s.append("stat ").append(round(c.statistic()));
    }
    if (c.pValue() != null) {
      s.append(s.isEmpty() ? "" : " · ").append("p ").append(round(c.pValue()));
    }
    if (c.deviation() != null) {
      s.append(s.isEmpty() ? "" : " · ").append(round(c.deviation()));
      if (c.allowed() != null) {
        s.append(" / ").append(round(c.allowed()));
      }
    }
    return s.toString();
  }

  private static String round(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
