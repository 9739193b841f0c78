package dev.syngen.core.scenario;

import dev.syngen.core.scenario.Gate.Measure;
import dev.syngen.core.scenario.Gate.Membership;
import dev.syngen.core.scenario.Gate.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads {@code expectations.gate} into a {@link Gate}, reporting every problem with its path. */
final class GateMapper {
  private static final Set<String> GATE_KEYS = Set.of("max_warnings", "metrics", "members");
  private static final Set<String> METRIC_KEYS = Set.of("name", "critical", "band", "measures");
  private static final Set<String> MEASURE_KEYS =
      Set.of("of", "at_least", "below", "values", "where", "q", "hours", "expect");
  private static final Set<String> MEMBER_KEYS = Set.of("column", "within", "of", "of_within");
  private static final Set<String> BANDS = Set.of("strict", "normal", "relaxed");
  private final SectionReader in;

  GateMapper(SectionReader in) {
    this.in = in;
  }

  Gate gate(Object node, String path) {
    Map<String, Object> m = in.map(node, path, "write gate: {max_warnings: 3, metrics: [...]}");
    if (m == null) {
      return null;
    }
    in.keys(m, GATE_KEYS, path);
    int maxWarnings = 3;
    if (m.get("max_warnings") != null) {
      Double d = in.number(m.get("max_warnings"), path + ".max_warnings", "3");
      if (d != null && (d < 0 || d != Math.rint(d))) {
        in.problem(path + ".max_warnings", "must be a whole number >= 0, got " + d, "use 3");
      } else if (d != null) {
        maxWarnings = d.intValue();
      }
    }
    List<Metric> metrics = new ArrayList<>();
    List<?> items = in.list(m.get("metrics"), path + ".metrics", "list the metrics to gate on");
    for (int i = 0; items != null && i < items.size(); i++) {
      Metric x = metric(items.get(i), path + ".metrics[" + i + "]");
      if (x != null) {
        metrics.add(x);
      }
    }
    List<Membership> members = new ArrayList<>();
    if (m.get("members") != null) {
      List<?> ms = in.list(m.get("members"), path + ".members", "list membership rules");
      for (int i = 0; ms != null && i < ms.size(); i++) {
        Membership x = member(ms.get(i), path + ".members[" + i + "]");
        if (x != null) {
          members.add(x);
        }
      }
    }
    return new Gate(maxWarnings, metrics, members);
  }

  private Metric metric(Object node, String path) {
    Map<String, Object> m =
        in.map(node, path, "write {name: ..., critical: true, measures: [...]}");
    if (m == null) {
      return null;
    }
    in.keys(m, METRIC_KEYS, path);
    String name = in.text(m.get("name"), path + ".name", "heavy_rooms");
    boolean critical = Boolean.TRUE.equals(m.get("critical"));
    if (m.get("critical") != null && !(m.get("critical") instanceof Boolean)) {
      in.problem(path + ".critical", "must be true or false", "write critical: true");
    }
    String band = "normal";
    if (m.get("band") != null) {
      band = String.valueOf(m.get("band")).trim().toLowerCase(Locale.ROOT);
      if (!BANDS.contains(band)) {
        in.problem(path + ".band", "unknown band '" + band + "'", "use strict, normal or relaxed");
      }
    }
    List<Measure> measures = new ArrayList<>();
    List<?> items = in.list(m.get("measures"), path + ".measures", "list what to measure");
    for (int i = 0; items != null && i < items.size(); i++) {
      Measure x = measure(items.get(i), path + ".measures[" + i + "]");
      if (x != null) {
        measures.add(x);
      }
    }
    return name == null ? null : new Metric(path, name, critical, band, measures);
  }

  private Measure measure(Object node, String path) {
    Map<String, Object> m = in.map(node, path, "write {share: messages.kind, values: [image]}");
    if (m == null) {
      return null;
    }
    Measure.Kind kind = null;
    String subject = null;
    for (Measure.Kind k : Measure.Kind.values()) {
      String key = k.name().toLowerCase(Locale.ROOT);
      if (m.containsKey(key)) {
        if (kind != null) {
          in.problem(path, "measures both " + kind + " and " + k, "one measure per item");
        }
        kind = k;
        subject = key;
      }
    }
    if (kind == null) {
      in.problem(
          path,
          "says nothing to measure",
          "use one of share, quantile, mean, children_quantile, children_share, hour_ratio,"
              + " weekday_ratio, hours_share");
      return null;
    }
    for (String k : m.keySet()) {
      if (!k.equals(subject) && !MEASURE_KEYS.contains(k)) {
        in.problem(path + "." + k, "is not a measure field", "use " + MEASURE_KEYS);
      }
    }
    String[] col = in.qualified(m.get(subject), path + "." + subject);
    String[] of = null;
    boolean children =
        kind == Measure.Kind.CHILDREN_QUANTILE || kind == Measure.Kind.CHILDREN_SHARE;
    if (children) {
      of = in.qualified(m.get("of"), path + ".of");
    }
    Double expect = in.number(m.get("expect"), path + ".expect", "0.02");
    Double q = m.get("q") == null ? null : in.number(m.get("q"), path + ".q", "0.5");
    if ((kind == Measure.Kind.QUANTILE || kind == Measure.Kind.CHILDREN_QUANTILE)
        && (q == null || !(q >= 0 && q <= 1))) {
      in.problem(path + ".q", "must be a probability in [0, 1]", "write q: 0.5");
    }
    Double atLeast =
        m.get("at_least") == null ? null : in.number(m.get("at_least"), path + ".at_least", "1");
    Double below = m.get("below") == null ? null : in.number(m.get("below"), path + ".below", "30");
    List<String> values = new ArrayList<>();
    if (m.get("values") != null) {
      List<?> vs = in.list(m.get("values"), path + ".values", "write values: [image, video]");
      if (vs != null) {
        vs.forEach(v -> values.add(String.valueOf(v)));
      }
    }
    if (kind == Measure.Kind.SHARE && values.isEmpty() && atLeast == null && below == null) {
      in.problem(path, "a share needs values or at_least/below", "write values: [image]");
    }
    if (kind == Measure.Kind.CHILDREN_SHARE && atLeast == null) {
      in.problem(path + ".at_least", "is missing", "write at_least: 10000");
    }
    Map<String, List<String>> where = new LinkedHashMap<>();
    if (m.get("where") != null) {
      Map<String, Object> w =
          in.map(m.get("where"), path + ".where", "write where: {kind: [text]}");
      if (w != null) {
        w.forEach(
            (k, v) ->
                where.put(
                    k,
                    v instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(v))));
      }
    }
    List<Integer> hours = new ArrayList<>();
    if (kind == Measure.Kind.HOURS_SHARE) {
      List<?> hs = in.list(m.get("hours"), path + ".hours", "write hours: [9, 10, 11]");
      for (int i = 0; hs != null && i < hs.size(); i++) {
        Double h = in.number(hs.get(i), path + ".hours[" + i + "]", "9");
        if (h != null && (h < 0 || h > 23 || h != Math.rint(h))) {
          in.problem(path + ".hours[" + i + "]", "must be an hour 0-23", "write 9");
        } else if (h != null) {
          hours.add(h.intValue());
        }
      }
    }
    if (col == null || expect == null || (children && of == null)) {
      return null;
    }
    return new Measure(
        path,
        kind,
        col[0],
        col[1],
        of == null ? null : of[0],
        of == null ? null : of[1],
        atLeast,
        below,
        values,
        where,
        q,
        hours,
        expect);
  }

  private Membership member(Object node, String path) {
    Map<String, Object> m =
        in.map(
            node,
            path,
            "write {column: messages.sender_id, within: conversation_id,"
                + " of: conversation_members.user_id, of_within: conversation_id}");
    if (m == null) {
      return null;
    }
    in.keys(m, MEMBER_KEYS, path);
    String[] col = in.qualified(m.get("column"), path + ".column");
    String[] of = in.qualified(m.get("of"), path + ".of");
    String within = in.text(m.get("within"), path + ".within", "conversation_id");
    String ofWithin = in.text(m.get("of_within"), path + ".of_within", "conversation_id");
    if (col == null || of == null || within == null || ofWithin == null) {
      return null;
    }
    return new Membership(path, col[0], col[1], within, of[0], of[1], ofWithin);
  }
}
