package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.FidelityReport.TableSummary;
import dev.syngen.core.text.Html;
import java.util.List;
import java.util.Locale;

/**
 * Renders a fidelity report as one self-contained HTML page: the verdict and its reasons, a table
 * summary, every check, and an inline SVG chart (expected versus observed) per checked column. No
 * scripts, fonts or stylesheets are fetched from anywhere.
 */
public final class HtmlReport {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 170;
  private static final int MAX_BARS = 24;

  private HtmlReport() {}

  public static String render(FidelityReport r) {
    StringBuilder h = new StringBuilder(32_768);
    boolean go = r.verdict() == FidelityReport.Verdict.GO;
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>syngen fidelity ")
        .append(Html.escape(r.verdict().label()))
        .append(" — ")
        .append(Html.escape(r.scenarioId()))
        .append("</title>")
        .append("<style>")
        .append(
            "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d2430;max-width:1100px}")
        .append(
            "h1{margin:0 0 .2em}.verdict{display:inline-block;padding:.2em .8em;border-radius:4px;color:#fff;font-weight:700}")
        .append(
            ".GO{background:#1f8a4c}.NO-GO{background:#c0392b}table{border-collapse:collapse;width:100%;margin:1em 0}")
        .append(
            "td,th{border-bottom:1px solid #dde2ea;padding:.35em .5em;text-align:left;vertical-align:top}")
        .append(
            ".PASS{color:#1f8a4c}.FAIL{color:#c0392b;font-weight:700}.WARN{color:#b9770e}.SKIP{color:#7f8c8d}")
        .append(
            ".charts{display:flex;flex-wrap:wrap;gap:1.2em}.chart{border:1px solid #dde2ea;padding:.5em}")
        .append("svg text{font:10px sans-serif;fill:#4a5568}.muted{color:#6b7280}")
        .append("</style></head><body>\n");
    h.append("<h1>Fidelity report <span class=\"verdict ")
        .append(r.verdict().label())
        .append("\">")
        .append(r.verdict().label())
        .append("</span></h1>\n");
    h.append("<p class=\"muted\">scenario ")
        .append(Html.escape(r.scenarioId()))
        .append(r.runId() == null ? "" : " · run " + Html.escape(r.runId()))
        .append(" · target ")
        .append(Html.escape(r.target()))
        .append(" · band ")
        .append(Html.escape(r.band()))
        .append(" · alpha ")
        .append(Numbers.text(r.alpha()))
        .append(" · sample up to ")
        .append(r.sampleRows())
        .append(" rows per table · ")
        .append(Html.escape(String.valueOf(r.checkedAt())))
        .append(" · ")
        .append(r.elapsedMillis())
        .append(" ms</p>\n");
    if (!go) {
      h.append("<h2>Why NO-GO</h2><ul>");
      r.reasons().forEach(x -> h.append("<li>").append(Html.escape(x)).append("</li>"));
      h.append("</ul>\n");
    }
    if (!r.warnings().isEmpty()) {
      h.append("<h2>Notes</h2><ul>");
      r.warnings().forEach(x -> h.append("<li>").append(Html.escape(x)).append("</li>"));
      h.append("</ul>\n");
    }
    tables(h, r.tables());
    checks(h, r.checks());
    charts(h, r.checks());
    return h.append("</body></html>\n").toString();
  }

  private static void tables(StringBuilder h, List<TableSummary> tables) {
    h.append(
        "<h2>Tables</h2><table><tr><th>entity</th><th>table</th><th>planned rows</th><th>rows found</th><th>sampled</th></tr>");
    for (TableSummary t : tables) {
      h.append("<tr><td>")
          .append(Html.escape(t.entity()))
          .append("</td><td>")
          .append(Html.escape(t.table()))
          .append("</td><td>")
          .append(t.expectedRows())
          .append("</td><td>")
          .append(t.observedRows())
          .append("</td><td>")
          .append(t.sampledRows())
          .append("</td></tr>");
    }
    h.append("</table>\n");
  }

  private static void checks(StringBuilder h, List<Check> checks) {
    h.append("<h2>Checks</h2><table class=\"checks\"><tr><th>status</th><th>check</th>")
        .append("<th>subject</th><th>finding</th><th>expected</th><th>observed</th>")
        .append("<th>statistic · p-value · deviation / allowed</th></tr>");
    for (Check c : checks) {
      h.append("<tr><td class=\"")
          .append(c.status())
          .append("\">")
          .append(c.status())
          .append("</td><td>")
          .append(Html.escape(c.kind()))
          .append("</td><td>")
          .append(Html.escape(c.subject()))
          .append("</td><td>")
          .append(Html.escape(c.message()))
          .append("</td><td>")
          .append(Html.escape(c.expected()))
          .append("</td><td>")
          .append(Html.escape(c.observed()))
          .append("</td><td>")
          .append(Html.escape(numbers(c)))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String numbers(Check c) {
    List<String> parts = new java.util.ArrayList<>();
    if (c.statistic() != null) {
      parts.add("stat " + Numbers.text(c.statistic()));
    }
    if (c.pValue() != null) {
      parts.add("p " + Numbers.text(c.pValue()));
    }
    if (c.deviation() != null) {
      parts.add(
          Numbers.text(c.deviation())
              + (c.allowed() == null ? "" : " / " + Numbers.text(c.allowed())));
    }
    return String.join(" · ", parts);
  }

  private static void charts(StringBuilder h, List<Check> checks) {
    h.append(
        "<h2>Expected versus observed</h2><p class=\"muted\">Outlined bars: expected share; filled bars: observed share.</p><div class=\"charts\">\n");
    for (Check c : checks) {
      if (c.chart() != null) {
        h.append("<div class=\"chart\"><div><b>")
            .append(Html.escape(c.chart().title()))
            .append("</b> <span class=\"")
            .append(c.status())
            .append("\">")
            .append(c.status())
            .append("</span></div>");
        h.append(chart(c.chart()));
        h.append("</div>\n");
      }
    }
    h.append("</div>\n");
  }

  /**
   * One chart as inline SVG: outlined bars (class {@code expected}) the expected share, filled bars
   * (class {@code observed}) the observed share of each bin; every label is escaped.
   */
  public static String chart(Chart chart) {
    StringBuilder h = new StringBuilder(4096);
    int n = Math.min(MAX_BARS, chart.labels().size());
    double max = 1e-12;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(chart.expected().get(i), chart.observed().get(i)));
    }
    int plot = HEIGHT - 40;
    double slot = (WIDTH - 40) / (double) Math.max(1, n);
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(chart.title()))
        .append("\">");
    h.append("<line x1=\"30\" y1=\"")
        .append(plot + 5)
        .append("\" x2=\"")
        .append(WIDTH - 5)
        .append("\" y2=\"")
        .append(plot + 5)
        .append("\" stroke=\"#9aa5b1\"/>");
    h.append("<text x=\"2\" y=\"12\">").append(Numbers.percent(max)).append("</text>");
    for (int i = 0; i < n; i++) {
      double x = 32 + i * slot;
      double eh = chart.expected().get(i) / max * plot;
      double oh = chart.observed().get(i) / max * plot;
      double w = Math.max(1, slot * 0.8);
      h.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"observed\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4c7cf0\" fill-opacity=\"0.75\"><title>%s observed %s</title></rect>",
              x,
              plot + 5 - oh,
              w,
              oh,
              Html.escape(chart.labels().get(i)),
              Numbers.percent(chart.observed().get(i))));
      h.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"expected\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#1d2430\" stroke-width=\"1.2\"><title>%s expected %s</title></rect>",
              x,
              plot + 5 - eh,
              w,
              eh,
              Html.escape(chart.labels().get(i)),
              Numbers.percent(chart.expected().get(i))));
      if (i % Math.max(1, n / 6) == 0) {
        String label = chart.labels().get(i);
        h.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\">%s</text>",
                x,
                HEIGHT - 20,
                Html.escape(label.length() > 14 ? label.substring(0, 13) + "…" : label)));
      }
    }
    if (chart.labels().size() > n) {
      h.append("<text x=\"")
          .append(WIDTH - 120)
          .append("\" y=\"")
          .append(HEIGHT - 5)
          .append("\">")
          .append(chart.labels().size() - n)
          .append(" more not shown</text>");
    }
    return h.append("</svg>").toString();
  }
}
