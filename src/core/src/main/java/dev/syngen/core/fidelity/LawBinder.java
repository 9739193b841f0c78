package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.FidelityPlan.ColumnPlan;
import dev.syngen.core.fidelity.FidelityPlan.RelationshipPlan;
import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.builtin.ForeignKey;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Expectations.ColumnExpectation;
import dev.syngen.core.scenario.Expectations.RelationshipExpectation;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Instants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the distributions written in expectations (the same {@code {type, params}} as generators,
 * checked by the same factories) to laws, and reads expected percentiles in the column's units.
 */
final class LawBinder {
  private final GeneratorRegistry registry;

  LawBinder(GeneratorRegistry registry) {
    this.registry = registry;
  }

  ColumnPlan column(
      ColumnExpectation x,
      CompiledColumn col,
      ColumnPlan before,
      Band band,
      Instant asOf,
      Problems problems) {
    Band b = x.band() == null ? band : Band.parse(x.band()).orElse(band);
    Law law = before == null ? null : before.law();
    String origin = x.path();
    if (x.distribution() != null) {
      law = bind(x.distribution(), col.type(), x.path() + ".distribution", asOf, problems);
    }
    Map<Double, Double> percentiles = new LinkedHashMap<>();
    x.percentiles()
        .forEach(
            (p, raw) -> {
              Double v = value(raw, col.type(), x.path() + ".percentiles", problems);
              if (v != null) {
                percentiles.put(p, v);
              }
            });
    if (!x.shares().isEmpty() && !categorical(col.type())) {
      problems.add(
          x.path() + ".shares",
          "column '" + col.name() + "' holds " + col.type().yamlName() + " values, not categories",
          "use percentiles for numbers and times");
    }
    boolean clock = !x.hourShares().isEmpty() || !x.weekdayShares().isEmpty();
    if (clock && col.type() != ColumnType.TIMESTAMP) {
      problems.add(
          x.path() + (x.hourShares().isEmpty() ? ".weekday_shares" : ".hour_shares"),
          "column '" + col.name() + "' holds " + col.type().yamlName() + " values, not timestamps",
          "declare arrival shares on timestamp columns only");
    }
    Double nullRate =
        x.nullRate() != null ? x.nullRate() : before == null ? null : before.nullRate();
    return new ColumnPlan(
        col.name(),
        col.type(),
        origin,
        law,
        percentiles,
        x.shares(),
        nullRate,
        before == null ? null : before.correlatedWith(),
        before == null ? null : before.expectedSpearman(),
        b,
        x.hourShares().isEmpty() && before != null ? before.hourShares() : x.hourShares(),
        x.weekdayShares().isEmpty() && before != null ? before.weekdayShares() : x.weekdayShares());
  }

  private static boolean categorical(ColumnType t) {
    return t == ColumnType.STRING
        || t == ColumnType.TEXT
        || t == ColumnType.BOOL
        || t == ColumnType.INT
        || t == ColumnType.BIGINT;
  }

  RelationshipPlan relationship(
      RelationshipExpectation r,
      ForeignKey fk,
      CompiledEntity parent,
      Band band,
      Problems problems) {
    Band b = r.band() == null ? band : Band.parse(r.band()).orElse(band);
    Law.Discrete law = null;
    if (r.distribution() != null) {
      Law bound =
          bind(
              r.distribution(),
              ColumnType.BIGINT,
              r.path() + ".distribution",
              Instant.EPOCH,
              problems);
      if (bound != null && !(bound instanceof Law.Discrete)) {
        problems.add(
            r.path() + ".distribution",
            "children per parent are whole numbers, but '"
                + r.distribution().type()
                + "' is not a count law",
            "use zipf, power_law, poisson, geometric, binomial or empirical");
      } else {
        law = (Law.Discrete) bound;
      }
    }
    Map<Double, Double> percentiles = new LinkedHashMap<>();
    r.percentiles()
        .forEach(
            (p, raw) -> {
              Double v = value(raw, ColumnType.BIGINT, r.path() + ".percentiles", problems);
              if (v != null) {
                percentiles.put(p, v);
              }
            });
    return new RelationshipPlan(
        r.column(),
        parent.name(),
        parent.table(),
        fk.parent().column(),
        law,
        percentiles,
        r.path(),
        b,
        r.referenceParents());
  }

  /** The law of a distribution spec, or null with a problem. */
  Law bind(GeneratorSpec spec, ColumnType type, String path, Instant asOf, Problems problems) {
    Optional<GeneratorFactory> f = registry.find(spec.type());
    if (f.isEmpty()) {
      problems.add(
          path + ".type",
          "unknown distribution '" + spec.type() + "'",
          registry.closest(spec.type()).map(n -> "did you mean '" + n + "'? ").orElse("")
              + "see docs/generators.md");
      return null;
    }
    Params params = new Params(spec.params(), path + ".params", problems);
    Generator g = f.get().create(new SpecContext(type, asOf, params));
    params.reportUnknown(spec.type());
    if (g == null || !params.ok()) {
      return null;
    }
    Law law = Conversions.unwrap(g) instanceof Distributed d ? d.law() : null;
    if (law == null) {
      problems.add(
          path + ".type",
          "'" + spec.type() + "' declares no distribution to test against",
          "use a distribution such as normal, lognormal, zipf, poisson or choice");
    }
    return law;
  }

  /** An expected value in the column's units: numbers, epoch ms for timestamps, days for dates. */
  static Double value(Object raw, ColumnType type, String path, Problems problems) {
    try {
      if (type == ColumnType.TIMESTAMP) {
        return raw instanceof Number n
            ? n.doubleValue()
            : (double) Instants.parse(String.valueOf(raw)).toEpochMilli();
      }
      if (type == ColumnType.DATE) {
        return (double) LocalDate.parse(String.valueOf(raw)).toEpochDay();
      }
      if (raw instanceof Number n) {
        return n.doubleValue();
      }
      return Double.parseDouble(String.valueOf(raw));
    } catch (DateTimeParseException | NumberFormatException e) {
      problems.add(
          path,
          "'" + raw + "' is not a " + type.yamlName() + " value",
          type == ColumnType.TIMESTAMP
              ? "write an ISO-8601 instant such as 2026-01-01T00:00:00Z"
              : "write a number");
      return null;
    }
  }

  /** Binding context for a spec that is not a column: no other columns, no parents. */
  private record SpecContext(ColumnType columnType, Instant asOf, Params params)
      implements GeneratorContext {
    /** A nominal size: the law a spec declares does not depend on a row count. */
    @Override
    public long rows() {
      return 1000;
    }

    @Override
    public long key() {
      return 0;
    }

    @Override
    public long seed() {
      return 0;
    }

    @Override
    public Optional<ColumnRef> resolve(String param, String entity, String column) {
      params.problem(
          param,
          "an expectation's distribution cannot refer to other entities",
          "use a distribution generator");
      return Optional.empty();
    }
  }
}
