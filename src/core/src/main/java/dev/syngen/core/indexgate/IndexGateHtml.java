package dev.syngen.core.indexgate;

import dev.syngen.core.text.Html;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a gate decision as one self-contained HTML page: the verdict and its reasons, the three
 * figures against their thresholds, a table of every query, and each query's plans before and after
 * side by side. No scripts, fonts or stylesheets are fetched from anywhere.
 */
public final class IndexGateHtml {
  private IndexGateHtml() {}

  public static String render(GateDecision d, Baseline before, Baseline after) {
    String label = d.verdict().label();
    StringBuilder h = new StringBuilder(65_536);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>syngen index gate ")
        .append(label)
        .append("</title><style>")
        .append(
            "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d2430;max-width:1400px}")
        .append(".verdict{display:inline-block;padding:.2em .8em;border-radius:4px;color:#fff;")
        .append("font-weight:700}.GO{background:#1f8a4c}.NO-GO{background:#c0392b}")
        .append(
            "table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border-bottom:1px solid")
        .append(" #dde2ea;padding:.35em .5em;text-align:left;vertical-align:top}")
        .append(".num{text-align:right;font-variant-numeric:tabular-nums}.bad{color:#c0392b;")
        .append("font-weight:700}.good{color:#1f8a4c}.muted{color:#6b7280}")
        .append(".sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}")
        .append("pre{background:#f6f8fa;border:1px solid #dde2ea;padding:.6em;overflow:auto;")
        .append("max-height:32em;font-size:12px}section{margin-top:2em}")
        .append("</style></head><body>\n<h1>Index gate <span class=\"verdict ")
        .append(label)
        .append("\">")
        .append(label)
        .append("</span></h1>\n<p class=\"muted\">")
        .append(Html.escape(d.dialect().label()))
        .append(" · target ")
        .append(Html.escape(d.target()))
        .append(" · before ")
        .append(Html.escape(String.valueOf(before.capturedAt())))
        .append(" · after ")
        .append(Html.escape(String.valueOf(after.capturedAt())))
        .append(" · ")
        .append(after.warmup())
        .append(" warm-up and ")
        .append(after.runs())
        .append(" measured executions per query</p>\n");
    if (!d.reasons().isEmpty()) {
      h.append("<h2>NO-GO because</h2><ul>");
      d.reasons().forEach(r -> h.append("<li>").append(Html.escape(r)).append("</li>"));
      h.append("</ul>\n");
    }
    Thresholds t = d.thresholds();
    h.append("<table><tr><th>criterion</th><th class=\"num\">measured</th><th>GO when</th></tr>");
    criterion(
        h,
        "average improvement (p50)",
        pct(d.averageImprovementPct()),
        "> " + pct(t.minImprovementPct()),
        d.averageImprovementPct() > t.minImprovementPct());
    criterion(
        h,
        "Sort nodes eliminated",
        pct(d.sortsEliminatedPct()) + " (" + d.sortsBefore() + " → " + d.sortsAfter() + ")",
        "> " + pct(t.minSortsEliminatedPct()),
        d.sortsBefore() == 0 || d.sortsEliminatedPct() > t.minSortsEliminatedPct());
    criterion(
        h,
        "degraded queries",
        String.valueOf(d.degraded()),
        "≤ " + t.maxDegraded() + " (slower by > " + pct(t.degradedPct()) + ")",
        d.degraded() <= t.maxDegraded());
    h.append("</table>\n");
    h.append("<h2>Queries</h2><table><tr><th>query</th><th class=\"num\">p50 before</th>")
        .append("<th class=\"num\">p50 after</th><th class=\"num\">improvement</th>")
        .append("<th class=\"num\">speed-up</th>")
        .append("<th class=\"num\">sorts</th><th>scans before → after</th><th>indexes after</th>")
        .append("<th class=\"num\">blocks hit/read before → after</th><th>notes</th></tr>");
    for (QueryComparison q : d.queries()) {
      h.append("<tr><td><a href=\"#q-")
          .append(Html.escape(q.name()))
          .append("\">")
          .append(Html.escape(q.name()))
          .append("</a></td><td class=\"num\">")
          .append(ms(q.beforeP50Ms()))
          .append("</td><td class=\"num\">")
          .append(ms(q.afterP50Ms()))
          .append("</td><td class=\"num ")
          .append(q.degraded() ? "bad" : q.improvementPct() > 0 ? "good" : "")
          .append("\">")
          .append(pct(q.improvementPct()))
          .append("</td><td class=\"num\">")
          .append(speedUp(q))
          .append("</td><td class=\"num\">")
          .append(q.sortsBefore())
          .append(" → ")
          .append(q.sortsAfter())
          .append("</td><td>")
          .append(Html.escape(scans(q.before())))
          .append(" → ")
          .append(Html.escape(scans(q.after())))
          .append("</td><td>")
          .append(Html.escape(String.join(", ", q.after().indexes())))
          .append("</td><td class=\"num\">")
          .append(q.before().sharedHit())
          .append('/')
          .append(q.before().sharedRead())
          .append(" → ")
          .append(q.after().sharedHit())
          .append('/')
          .append(q.after().sharedRead())
          .append("</td><td>")
          .append(Html.escape(String.join("; ", q.notes())))
          .append("</td></tr>");
    }
    h.append("</table>\n");
    if (!d.ddl().isEmpty()) {
      h.append("<h2>DDL applied</h2><pre>");
      d.ddl().forEach(s -> h.append(Html.escape(s)).append(";\n"));
      h.append("</pre>\n");
    }
    Map<String, QueryBaseline> a = new HashMap<>();
    after.queries().forEach(q -> a.put(q.name(), q));
    for (QueryBaseline b : before.queries()) {
      side(h, b, a.get(b.name()));
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void side(StringBuilder h, QueryBaseline b, QueryBaseline a) {
    h.append("<section id=\"q-")
        .append(Html.escape(b.name()))
        .append("\"><h2>")
        .append(Html.escape(b.name()))
        .append("</h2><p class=\"muted\">")
        .append(Html.escape(b.description()))
        .append("</p><pre>")
        .append(Html.escape(b.sql()))
        .append("</pre><div class=\"sides\">");
    for (QueryBaseline q : List.of(b, a)) {
      h.append("<div><h3>")
          .append(q == b ? "before" : "after")
          .append("</h3><p>p50 ")
          .append(ms(q.latencyP50Ms()))
          .append(" · p95 ")
          .append(ms(q.latencyP95Ms()))
          .append(" (planning p50 ")
          .append(ms(q.planningP50Ms()))
          .append(", execution p50 ")
          .append(ms(q.executionP50Ms()))
          .append(") · ")
          .append(q.stats().sortNodes())
          .append(" Sort nodes · scans ")
          .append(Html.escape(scans(q.stats())))
          .append(" · ")
          .append(q.stats().rows())
          .append(" rows</p><pre>")
          .append(Html.escape(q.plan()))
          .append("</pre></div>");
    }
    h.append("</div></section>\n");
  }

  private static void criterion(
      StringBuilder h, String name, String value, String rule, boolean ok) {
    h.append("<tr><td>")
        .append(Html.escape(name))
        .append("</td><td class=\"num ")
        .append(ok ? "good" : "bad")
        .append("\">")
        .append(Html.escape(value))
        .append("</td><td>")
        .append(Html.escape(rule))
        .append("</td></tr>");
  }

  /** Scan counts as {@code 2 seq, 1 index}; {@code none} when the plan scans no table. */
  public static String scans(PlanStats s) {
    StringBuilder b = new StringBuilder();
    for (String type : PlanStats.SCAN_TYPES) {
      int n = s.scans(type);
      if (n > 0) {
        b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(type);
      }
    }
    return b.length() == 0 ? "none" : b.toString();
  }

  /** How many times faster the p50 got: {@code ×4,558}, {@code ×0.8} for a slower query. */
  public static String speedUp(QueryComparison q) {
    if (q.afterP50Ms() <= 0) {
      return "–";
    }
    double x = q.beforeP50Ms() / q.afterP50Ms();
    return x >= 10
        ? String.format(Locale.ROOT, "×%,.0f", x)
        : String.format(Locale.ROOT, "×%.2f", x);
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.3f ms", v);
  }

  private static String pct(double v) {
    return IndexGate.pct(v);
  }
}
