package dev.syngen.core.profile;

import dev.syngen.core.profile.TableProfile.ColumnProfile;
import dev.syngen.core.scenario.Instants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drafts a scenario (as a document tree, ready to write as YAML) that reproduces a profile: numbers
 * and times as empirical laws over the profiled percentiles, categories as weighted choices, flags
 * as booleans, identifiers as sequences, UUIDs or unique patterns, text as patterns of the profiled
 * lengths, with the profiled null rates. Its expectations section holds the profile's percentiles
 * and shares, so {@code syngen fidelity} checks that the generated data reproduces the profile.
 */
public final class ScenarioDraft {
  private ScenarioDraft() {}

  public static Map<String, Object> of(TableProfile p, String id) {
    return of(p, id, false);
  }

  /**
   * As {@link #of(TableProfile, String)}; with {@code keepClusters}, every column the profile's
   * clusters span becomes a {@code mixture} with one component per cluster (a truncated normal
   * around the cluster's centre for numbers, the cluster's own shares for categories and flags)
   * plus the column's plain draft for the rows in no reported cluster, all under one latent, so a
   * row's columns come from the same cluster and the cluster sizes come back.
   */
  public static Map<String, Object> of(TableProfile p, String id, boolean keepClusters) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", id);
    doc.put("name", "Drafted from a profile of " + p.table());
    doc.put("version", "0.1.0");
    doc.put(
        "description",
        "Drafted by syngen scenario from-profile from "
            + p.sampled()
            + " sampled rows of "
            + p.rows()
            + "; review the generators before use.");
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("name", p.table());
    entity.put("rows", Math.max(1, p.rows()));
    List<Object> columns = new ArrayList<>();
    List<Object> expectations = new ArrayList<>();
    for (ColumnProfile c : p.columns()) {
      Map<String, Object> column = column(c, p.rows(), p.sampled());
      if (keepClusters) {
        column = clustered(column, c, p.clusters());
      }
      columns.add(column);
      Map<String, Object> x = expectation(p.table(), c, p.sampled());
      if (x != null) {
        expectations.add(x);
      }
    }
    entity.put("columns", columns);
    doc.put("entities", List.of(entity));
    if (!expectations.isEmpty()) {
      doc.put("expectations", Map.of("columns", expectations));
    }
    return doc;
  }

  private static Map<String, Object> column(ColumnProfile c, long rows, int sampled) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    String type;
    Map<String, Object> generator = new LinkedHashMap<>();
    switch (c.role()) {
      case "number", "time" -> {
        type =
            switch (c.type()) {
              case "int" -> "bigint";
              case "timestamp" -> "timestamp";
              case "date" -> "date";
              default -> "double";
            };
        Map<String, Object> arrivals = arrivals(c, sampled);
        if (arrivals != null) {
          generator.put("type", "poisson_process");
          generator.put("params", arrivals);
        } else {
          generator.put("type", "empirical");
          generator.put("params", Map.of("quantiles", quantiles(c)));
        }
      }
      case "category" -> {
        type = "string";
        generator.put("type", "choice");
        generator.put(
            "params",
            Map.of(
                "values",
                new ArrayList<>(c.shares().keySet()),
                "weights",
                round(new ArrayList<>(c.shares().values()))));
      }
      case "flag" -> {
        type = "bool";
        generator.put("type", "bool");
        generator.put("params", Map.of("p", round4(c.shares().getOrDefault("true", 0.0))));
      }
      case "identifier" -> {
        type = identifierType(c);
        generator.put(
            "type", type.equals("uuid") ? "uuid4" : type.equals("bigint") ? "sequence" : "pattern");
        if (type.equals("string")) {
          int len =
              (int)
                  Math.max(
                      Math.ceil(Math.log(Math.max(2, rows)) / Math.log(36)) + 2,
                      Math.round(c.length().getOrDefault("p50", 8.0)));
          generator.put("params", Map.of("pattern", "[A-Z0-9]{" + len + "}"));
        }
        m.put("unique", true);
      }
      default -> {
        type = "text";
        long lo = Math.max(1, Math.round(c.length().getOrDefault("p5", 5.0)));
        long hi = Math.max(lo, Math.round(c.length().getOrDefault("p95", 40.0)));
        generator.put("type", "pattern");
        generator.put("params", Map.of("pattern", "[a-z ]{" + lo + "," + hi + "}"));
      }
    }
    m.put("type", type);
    if (c.nullRate() > 0) {
      m.put("null_rate", round4(c.nullRate()));
    }
    m.put("generator", generator);
    return m;
  }

  /** The latent that the columns drafted from one profile's clusters share. */
  public static final String LATENT = "cluster";

  private static Map<String, Object> clustered(
      Map<String, Object> drafted, ColumnProfile c, TableProfile.Clusters clusters) {
    if (clusters == null || clusters.found().isEmpty()) {
      return drafted;
    }
    List<String> dims = clusters.columns();
    int numeric = dims.indexOf(c.name());
    List<Integer> oneHot = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      if (dims.get(d).startsWith(c.name() + "=")) {
        oneHot.add(d);
      }
    }
    if (numeric < 0 && oneHot.isEmpty()) {
      return drafted;
    }
    List<Object> components = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double covered = 0;
    for (TableProfile.Cluster k : clusters.found()) {
      Map<String, Object> g =
          numeric >= 0
              ? around(c, k.centre().get(numeric), k.spread().get(numeric))
              : shares(c, dims, oneHot, k);
      if (g == null) {
        return drafted;
      }
      components.add(g);
      weights.add(round4(k.share()));
      covered += k.share();
    }
    if (covered < 0.9999) {
      components.add(drafted.get("generator"));
      weights.add(round4(1 - covered));
    }
    Map<String, Object> m = new LinkedHashMap<>(drafted);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("latent", LATENT);
    params.put("weights", weights);
    params.put("components", components);
    m.put("generator", spec("mixture", params));
    return m;
  }

  /** Numbers of one cluster: a normal around its centre, kept within the profiled p0.5–p99.5. */
  private static Map<String, Object> around(ColumnProfile c, double centre, double spread) {
    if (!c.role().equals("number")
        || !(c.percentiles().get("p0.5") instanceof Double lo)
        || !(c.percentiles().get("p99.5") instanceof Double hi)
        || !(hi > lo)) {
      return null;
    }
    double mean = Math.min(hi, Math.max(lo, centre));
    double std = spread > 0 ? spread : (hi - lo) / 100;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("mean", round4(mean));
    params.put("std", round4(std));
    params.put("min", round4(lo));
    params.put("max", round4(hi));
    if (c.type().equals("int")) {
      params.put("round", true);
    }
    return spec("truncated_normal", params);
  }

  /**
   * A category or flag in one cluster: the cluster's shares of the values the clusters one-hot, the
   * rest of the values in their overall proportions.
   */
  private static Map<String, Object> shares(
      ColumnProfile c, List<String> dims, List<Integer> oneHot, TableProfile.Cluster k) {
    Map<String, Double> inCluster = new LinkedHashMap<>();
    double named = 0;
    for (int d : oneHot) {
      double share = Math.max(0, Math.min(1, k.centre().get(d)));
      inCluster.put(dims.get(d).substring(c.name().length() + 1), share);
      named += share;
    }
    if (c.role().equals("flag")) {
      double t = inCluster.getOrDefault("true", 1 - inCluster.getOrDefault("false", 0.0));
      return spec("bool", Map.of("p", round4(Math.max(0, Math.min(1, t)))));
    }
    double restOverall = 0;
    for (Map.Entry<String, Double> e : c.shares().entrySet()) {
      if (!inCluster.containsKey(e.getKey())) {
        restOverall += e.getValue();
      }
    }
    List<Object> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Map.Entry<String, Double> e : c.shares().entrySet()) {
      Double share = inCluster.get(e.getKey());
      double w =
          share != null
              ? share
              : restOverall > 0 ? e.getValue() / restOverall * Math.max(0, 1 - named) : 0;
      values.add(e.getKey());
      weights.add(round4(w));
    }
    if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      return null;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("values", values);
    params.put("weights", weights);
    return spec("choice", params);
  }

  private static Map<String, Object> spec(String type, Map<String, Object> params) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("type", type);
    g.put("params", params);
    return g;
  }

  private static String identifierType(ColumnProfile c) {
    return switch (c.type()) {
      case "uuid" -> "uuid";
      case "int" -> "bigint";
      default -> "string";
    };
  }

  /** Why a timestamp column is drafted as {@link #arrivals}. */
  public static final String ARRIVALS_WHY =
      "times arrive with the sampled hour-of-day and weekday shares (clearly not flat: chi-square"
          + " p < 0.001, total variation >= 5%), between the sampled p0.5 and p99.5 (no exact"
          + " extreme copied)";

  private static final long WEEK = 7 * 86_400_000L;

  /**
   * The params of a {@code poisson_process} with the column's profiled hour-of-day and weekday
   * shares as weights, in UTC, without bursts, over the sampled p0.5 … p99.5; null when the column
   * is not a timestamp, its shape is flat, or the window is shorter than a week (weekday shares of
   * a few days say more about the window than about a habit).
   */
  public static Map<String, Object> arrivals(ColumnProfile c, int sampled) {
    if (!c.type().equals("timestamp")
        || c.hours().size() != 24
        || c.weekdays().size() != 7
        || !Arrivals.shaped(c, sampled)) {
      return null;
    }
    Object start = c.percentiles().get("p0.5");
    Object end = c.percentiles().get("p99.5");
    if (!(start instanceof String a) || !(end instanceof String b)) {
      return null;
    }
    long from;
    long to;
    try {
      from = Instants.parse(a).toEpochMilli();
      to = Instants.parse(b).toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
    if (to - from < WEEK) {
      return null;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("start", a);
    params.put("end", b);
    params.put("hourly", Arrivals.weights(c.hours()));
    params.put("weekday", Arrivals.weights(c.weekdays()));
    params.put("utc_offset_hours", 0);
    params.put("burst", 0);
    params.put("order", "none");
    return params;
  }

  /** The profiled percentiles as empirical quantiles; the outermost ones stand for 0 and 1. */
  public static Map<Double, Object> quantiles(ColumnProfile c) {
    Map<Double, Object> q = new LinkedHashMap<>();
    List<Map.Entry<String, Object>> entries = new ArrayList<>(c.percentiles().entrySet());
    for (int i = 0; i < entries.size(); i++) {
      double p =
          i == 0
              ? 0
              : i == entries.size() - 1
                  ? 1
                  : Double.parseDouble(entries.get(i).getKey().substring(1)) / 100;
      Object v = entries.get(i).getValue();
      q.put(p, v instanceof Double d ? round4(d) : v);
    }
    return q;
  }

  /**
   * What fidelity should find in a column drafted from its profile: p5/p50/p95 of numbers and
   * times, shares of categories, the null rate; null when the profile declares no such shape.
   */
  public static Map<String, Object> expectation(String table, ColumnProfile c, int sampled) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("column", table + "." + c.name());
    if (c.role().equals("number") || c.role().equals("time")) {
      Map<String, Object> p = new LinkedHashMap<>();
      for (String key : List.of("p5", "p50", "p95")) {
        Object v = c.percentiles().get(key);
        if (v != null) {
          p.put(key, v instanceof Double d ? round4(d) : v);
        }
      }
      x.put("percentiles", p);
      if (!c.hours().isEmpty() && !c.weekdays().isEmpty() && Arrivals.shaped(c, sampled)) {
        x.put("hour_shares", Arrivals.labelled(c.hours(), Arrivals.HOURS));
        x.put("weekday_shares", Arrivals.labelled(c.weekdays(), Arrivals.WEEKDAYS));
      }
    } else if (c.role().equals("category")) {
      Map<String, Object> shares = new LinkedHashMap<>();
      // rounded down, so the rounded shares never add up to more than 1
      c.shares().forEach((k, v) -> shares.put(k, Math.floor(v * 10_000) / 10_000));
      x.put("shares", shares);
    } else {
      return null;
    }
    if (c.nullRate() > 0) {
      x.put("null_rate", round4(c.nullRate()));
    }
    return x;
  }

  private static List<Double> round(List<Double> values) {
    return values.stream().map(ScenarioDraft::round4).toList();
  }

  public static double round4(double v) {
    return Math.rint(v * 10_000) / 10_000;
  }
}
