package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.fidelity.FidelityReport.TableSummary;
import dev.syngen.core.fidelity.GenerationReport.IntegrityResult;
import dev.syngen.core.fidelity.GenerationReport.MeasureResult;
import dev.syngen.core.fidelity.GenerationReport.MetricResult;
import dev.syngen.core.fidelity.GenerationReport.Size;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Gate;
import dev.syngen.core.scenario.Gate.Measure;
import dev.syngen.core.scenario.Gate.Membership;
import dev.syngen.core.scenario.Gate.Metric;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.SinkException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The release gate over a fidelity report: measures the scenario's gate metrics into a {@link
 * GenerationReport}, adds three integrity checks (no PII, monotonic timestamps, referential
 * integrity including membership rules), and decides from that report alone: GO when every critical
 * metric passes, every integrity check and fidelity check passes, and there are at most {@code
 * max_warnings} warnings; otherwise NO-GO with the reasons.
 */
public final class ReleaseGate {
  /** Generators whose values identify people; a gated dataset must not use them. */
  static final Set<String> PII_GENERATORS =
      Set.of(
          "faker_name",
          "faker_first_name",
          "faker_last_name",
          "faker_email",
          "faker_phone",
          "faker_street_address",
          "faker_ip_v4",
          "faker_username");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
  private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ()-]{7,}\\d");
  private static final int PII_SAMPLE = 2000;

  private ReleaseGate() {}

  /** Measures the gate of {@code scenario} on data already checked by {@code fidelity}. */
  public static GenerationReport measure(
      Scenario scenario,
      CompiledPlan plan,
      String band,
      String runId,
      FidelityReport fidelity,
      TableSource source,
      Instant now) {
    Gate gate = scenario.expectations().gate();
    List<Size> sizes = new ArrayList<>();
    for (TableSummary t : fidelity.tables()) {
      sizes.add(new Size(t.entity(), t.table(), t.expectedRows(), t.observedRows()));
    }
    List<Measure> all = gate.metrics().stream().flatMap(m -> m.measures().stream()).toList();
    GateMeasures measures = new GateMeasures(plan, source, plan.seed());
    String unreadable = null;
    try {
      measures.run(all, gate.members());
    } catch (SinkException e) {
      unreadable = e.getMessage();
    }
    List<MetricResult> metrics = new ArrayList<>();
    for (Metric m : gate.metrics()) {
      metrics.add(metric(m, unreadable == null ? measures : null));
    }
    List<IntegrityResult> integrity = new ArrayList<>();
    integrity.add(noPii(scenario, plan, source));
    integrity.add(aggregate("monotonic_timestamps", "monotonic", fidelity, List.of(), ""));
    List<String> outside = new ArrayList<>();
    for (Membership r : gate.members()) {
      if (unreadable != null) {
        outside.add(r.entity() + "." + r.column() + ": not checked (" + unreadable + ")");
        continue;
      }
      GateMeasures.MemberCheck c = measures.member(r);
      if (c.outside > 0) {
        outside.add(
            r.entity()
                + "."
                + r.column()
                + ": "
                + c.outside
                + " of "
                + c.rows
                + " rows not in "
                + r.ofEntity()
                + "."
                + r.ofColumn()
                + " of their "
                + r.within()
                + ", e.g. "
                + c.example);
      }
    }
    integrity.add(
        aggregate(
            "referential_integrity",
            "fk",
            fidelity,
            outside,
            gate.members().isEmpty()
                ? ""
                : ", " + gate.members().size() + " membership rules hold"));
    List<String> warnings = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Check c : fidelity.checks()) {
      if (c.status() == Status.WARN) {
        warnings.add(c.kind() + " " + c.subject() + ": " + c.message());
      } else if (c.failed()) {
        failures.add(c.kind() + " " + c.subject() + ": " + c.message());
      }
    }
    if (unreadable != null) {
      failures.add("gate: " + unreadable);
    }
    return new GenerationReport(
        scenario.id(),
        runId,
        band,
        now,
        plan.seed(),
        plan.configHash(),
        plan.asOf(),
        sizes,
        metrics,
        integrity,
        gate.maxWarnings(),
        warnings,
        failures,
        null,
        null);
  }

  /** The decision, read from the report alone. */
  public static GenerationReport decide(GenerationReport r) {
    List<String> reasons = new ArrayList<>(r.checkFailures());
    int warnings = r.checkWarnings().size();
    for (MetricResult m : r.metrics()) {
      if (m.status().equals("FAIL")) {
        reasons.add("critical metric " + m.name() + " outside its band: " + misses(m));
      } else if (m.status().equals("WARN")) {
        warnings++;
      }
    }
    for (IntegrityResult i : r.integrity()) {
      if (!i.passed()) {
        reasons.add("integrity " + i.name() + ": " + i.detail());
      }
    }
    if (warnings > r.maxWarnings()) {
      reasons.add(warnings + " warnings, more than the " + r.maxWarnings() + " allowed");
    }
    return r.decided(reasons.isEmpty() ? "GO" : "NO-GO", reasons);
  }

  /** The fidelity report with the gate's checks added and the gate's verdict and reasons. */
  public static FidelityReport apply(FidelityReport f, GenerationReport r) {
    List<Check> checks = new ArrayList<>(f.checks());
    for (MetricResult m : r.metrics()) {
      Status s = Status.valueOf(m.status());
      checks.add(
          new Check(
              "gate_metric",
              m.name(),
              String.join(
                  "; ",
                  m.measures().stream().map(x -> x.what() + " = " + num(x.expected())).toList()),
              String.join("; ", m.measures().stream().map(x -> num(x.observed())).toList()),
              null,
              null,
              m.measures().stream().mapToDouble(MeasureResult::deviation).max().orElse(0),
              m.measures().isEmpty() ? 0 : m.measures().get(0).allowed(),
              s,
              (m.critical() ? "critical, " : "")
                  + m.band()
                  + " band: "
                  + (s == Status.PASS ? "every measure within the band" : misses(m)),
              null));
    }
    for (IntegrityResult i : r.integrity()) {
      checks.add(
          new Check(
              "gate_integrity",
              i.name(),
              "holds",
              i.passed() ? "holds" : "broken",
              null,
              null,
              null,
              null,
              i.passed() ? Status.PASS : Status.FAIL,
              i.detail(),
              null));
    }
    return new FidelityReport(
        f.scenarioId(),
        f.runId(),
        f.target(),
        f.checkedAt(),
        f.band(),
        f.alpha(),
        f.sampleRows(),
        "GO".equals(r.verdict()) ? FidelityReport.Verdict.GO : FidelityReport.Verdict.NO_GO,
        r.reasons(),
        f.tables(),
        checks,
        f.warnings(),
        f.elapsedMillis());
  }

  private static MetricResult metric(Metric m, GateMeasures measures) {
    double allowed = Band.parse(m.band()).orElse(Band.NORMAL).tolerance();
    List<MeasureResult> results = new ArrayList<>();
    boolean within = true;
    for (Measure x : m.measures()) {
      double observed = measures == null ? Double.NaN : measures.value(x);
      double deviation =
          Double.isFinite(observed)
              ? Math.abs(observed - x.expected()) / Math.max(Math.abs(x.expected()), 1e-12)
              : Double.POSITIVE_INFINITY;
      MeasureResult r = new MeasureResult(describe(x), x.expected(), observed, deviation, allowed);
      within &= r.within();
      results.add(r);
    }
    String status = within ? "PASS" : m.critical() ? "FAIL" : "WARN";
    return new MetricResult(m.name(), m.critical(), m.band(), status, results);
  }

  private static String misses(MetricResult m) {
    return String.join(
        "; ",
        m.measures().stream()
            .filter(x -> !x.within())
            .map(
                x ->
                    x.what()
                        + " "
                        + num(x.observed())
                        + ", expected "
                        + num(x.expected())
                        + " ± "
                        + Math.round(x.allowed() * 100)
                        + "%")
            .toList());
  }

  static String describe(Measure x) {
    String subject = x.entity() + "." + x.column();
    String where =
        x.where().isEmpty()
            ? ""
            : " where "
                + String.join(
                    ", ",
                    x.where().entrySet().stream()
                        .map(e -> e.getKey() + " in " + e.getValue())
                        .toList());
    return switch (x.kind()) {
      case SHARE ->
          "share of "
              + subject
              + (x.values().isEmpty()
                  ? " in [" + num(x.atLeast()) + ", " + num(x.below()) + ")"
                  : " in " + x.values())
              + where;
      case QUANTILE -> "p" + num(x.q() * 100) + " of " + subject + where;
      case MEAN -> "mean of " + subject + where;
      case CHILDREN_QUANTILE ->
          "p" + num(x.q() * 100) + " of " + x.entity() + " per " + x.ofEntity();
      case CHILDREN_SHARE ->
          "share of " + x.ofEntity() + " with " + num(x.atLeast()) + "+ " + x.entity();
      case HOUR_RATIO -> "busiest / quietest hour of " + subject;
      case WEEKDAY_RATIO -> "weekday / weekend day of " + subject;
      case HOURS_SHARE -> "share of " + subject + " in hours " + x.hours();
    };
  }

  private static String num(Double v) {
    if (v == null) {
      return "-";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString(v.longValue());
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static IntegrityResult aggregate(
      String name, String kind, FidelityReport fidelity, List<String> more, String also) {
    List<Check> checks = fidelity.checks().stream().filter(c -> c.kind().equals(kind)).toList();
    List<String> broken = new ArrayList<>();
    for (Check c : checks) {
      if (c.status() != Status.PASS) {
        broken.add(c.subject() + ": " + c.message());
      }
    }
    broken.addAll(more);
    if (!broken.isEmpty()) {
      return new IntegrityResult(name, false, String.join("; ", broken));
    }
    return new IntegrityResult(
        name,
        true,
        checks.isEmpty()
            ? "nothing declares " + kind + " here"
            : checks.size() + " " + kind + " checks pass" + also);
  }

  /** Datafaker references (as the faker generator spells them) whose values identify people. */
  private static final Pattern PII_FAKER =
      Pattern.compile(
          "(?i)\\bname\\.|internet\\.(email|safe_?email|username|ip)|phone|street|building|"
              + "id_?number|ssn|passport|driving|credit_?card|finance\\.iban");

  /** True for a faker_* generator of {@link #PII_GENERATORS} or a faker of people's details. */
  static boolean identifiesPeople(GeneratorSpec g) {
    if (PII_GENERATORS.contains(g.type())) {
      return true;
    }
    if (!g.type().equals("faker")) {
      return false;
    }
    Object what = g.params().getOrDefault("provider", g.params().get("expression"));
    return what != null && PII_FAKER.matcher(String.valueOf(what)).find();
  }

  /** No person-identifying generator, and no e-mail address or phone number in text columns. */
  private static IntegrityResult noPii(Scenario s, CompiledPlan plan, TableSource source) {
    List<String> found = new ArrayList<>();
    for (Entity e : s.entities()) {
      for (Column c : e.columns()) {
        if (c.generator() != null && identifiesPeople(c.generator())) {
          found.add(e.name() + "." + c.name() + " uses " + c.generator().type());
        }
      }
    }
    for (CompiledEntity e : plan.included()) {
      List<String> text =
          e.columns().stream()
              .filter(c -> c.type() == ColumnType.STRING)
              .map(CompiledColumn::name)
              .toList();
      if (text.isEmpty()) {
        continue;
      }
      TableSource.Sample sample;
      try {
        sample = source.sample(e.table(), text, PII_SAMPLE, plan.seed());
      } catch (SinkException x) {
        found.add(e.table() + " unreadable: " + x.getMessage());
        continue;
      }
      for (String[] row : sample.values()) {
        for (int i = 0; i < row.length; i++) {
          String v = row[i];
          if (v != null && (EMAIL.matcher(v).find() || PHONE.matcher(v).find())) {
            found.add(e.name() + "." + text.get(i) + " holds '" + v + "'");
            break;
          }
        }
        if (found.size() > 5) {
          break;
        }
      }
    }
    return found.isEmpty()
        ? new IntegrityResult(
            "no_pii", true, "no identifying generator, no e-mail or phone in text")
        : new IntegrityResult("no_pii", false, String.join("; ", found));
  }
}
