package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.FidelityPlan.ColumnPlan;
import dev.syngen.core.fidelity.FidelityPlan.RelationshipPlan;
import dev.syngen.core.fidelity.FidelityPlan.RulePlan;
import dev.syngen.core.fidelity.FidelityPlan.TablePlan;
import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.builtin.Correlated;
import dev.syngen.core.generate.builtin.ForeignKey;
import dev.syngen.core.generate.builtin.PoissonProcess;
import dev.syngen.core.generate.builtin.Sequence;
import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.lifecycle.EventTimeMerge;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.MixtureLaw;
import dev.syngen.core.random.StretchedLaw;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Expectations.ColumnExpectation;
import dev.syngen.core.scenario.Expectations.IntegrityRule;
import dev.syngen.core.scenario.Expectations.RelationshipExpectation;
import dev.syngen.core.scenario.Lifecycle;
import dev.syngen.core.scenario.LifecycleEntities;
import dev.syngen.core.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles what to check from a compiled plan (what each generator declares) and from explicit
 * expectations (the scenario's own section and an optional spec file), resolving every reference
 * and reporting every problem with its path.
 */
public final class ExpectationCompiler {
  private final LawBinder laws;

  public ExpectationCompiler(GeneratorRegistry registry) {
    this.laws = new LawBinder(registry);
  }

  /** Compiles, or throws {@link dev.syngen.core.problem.ValidationException} with all problems. */
  public FidelityPlan compile(Scenario s, CompiledPlan plan, Expectations extra, Band band) {
    Problems problems = new Problems();
    FidelityPlan out = compile(s, plan, extra, band, problems);
    problems.throwIfAny("expectations of scenario '" + s.id() + "'");
    return out;
  }

  /** Compiles, adding problems to {@code problems}. */
  public FidelityPlan compile(
      Scenario s, CompiledPlan plan, Expectations extra, Band band, Problems problems) {
    List<String> warnings = new ArrayList<>();
    Map<String, Tables> tables = new LinkedHashMap<>();
    for (CompiledEntity e : plan.included()) {
      tables.put(e.name(), implied(s.entity(e.name()), e, plan, band, warnings));
    }
    for (Expectations x : List.of(s.expectations(), extra)) {
      Band b = x.band() == null ? band : Band.parse(x.band()).orElse(band);
      declared(x, s, plan, tables, b, problems, warnings);
    }
    List<TablePlan> out = new ArrayList<>();
    tables.values().forEach(t -> out.add(t.build()));
    return new FidelityPlan(out, warnings, lifecycles(plan, band));
  }

  /** The events tables of the lifecycles this run writes. */
  private static List<FidelityPlan.LifecyclePlan> lifecycles(CompiledPlan plan, Band band) {
    List<FidelityPlan.LifecyclePlan> out = new ArrayList<>();
    for (CompiledEntity e : plan.included()) {
      CompiledLifecycle lc = EventTimeMerge.lifecycleOf(plan.entities(), e);
      if (lc != null && e.name().equals(LifecycleEntities.name(lc.entity(), Lifecycle.EVENTS))) {
        String key = lc.columns().get(lc.keyColumn()).column();
        out.add(new FidelityPlan.LifecyclePlan(e.name(), e.table(), key, lc, band));
      }
    }
    return out;
  }

  /** The mutable checks of one table while expectations are gathered. */
  private static final class Tables {
    final CompiledEntity entity;
    final Map<String, ColumnPlan> columns = new LinkedHashMap<>();
    final List<RelationshipPlan> relationships = new ArrayList<>();
    final List<RulePlan> rules = new ArrayList<>();

    Tables(CompiledEntity entity) {
      this.entity = entity;
    }

    TablePlan build() {
      return new TablePlan(
          entity.name(),
          entity.table(),
          entity.rows(),
          new ArrayList<>(columns.values()),
          relationships,
          rules);
    }
  }

  private static Tables implied(
      Entity spec, CompiledEntity e, CompiledPlan plan, Band band, List<String> warnings) {
    Tables t = new Tables(e);
    String sequence = sequenceColumn(e);
    for (CompiledColumn c : e.columns()) {
      Generator g = Conversions.unwrap(c.generator());
      Law law = g instanceof Distributed d ? d.law() : null;
      String with = g instanceof Correlated k ? k.with() : null;
      Double spearman = g instanceof Correlated k ? 6 / Math.PI * Math.asin(k.rho() / 2) : null;
      t.columns.put(
          c.name(),
          new ColumnPlan(
              c.name(),
              c.type(),
              "generator",
              law,
              Map.of(),
              Map.of(),
              c.generator().producesNulls() ? null : c.nullRate(), // its own NULLs: unchecked
              with,
              spearman,
              band,
              Map.of(),
              Map.of()));
      Column declared = spec.column(c.name());
      if (declared != null && declared.unique()) {
        t.rules.add(
            new RulePlan(
                RulePlan.Kind.UNIQUE, c.name(), c.type(), null, null, null, null, "unique: true"));
      }
      if (g instanceof ForeignKey fk) {
        fkRule(t, c, fk, plan, warnings);
      }
      if (g instanceof PoissonProcess pp) {
        monotonic(t, c, pp, sequence, warnings);
      }
    }
    relationship(t, band, plan, warnings);
    return t;
  }

  private static String sequenceColumn(CompiledEntity e) {
    return e.columns().stream()
        .filter(c -> Conversions.unwrap(c.generator()) instanceof Sequence)
        .map(CompiledColumn::name)
        .findFirst()
        .orElse(null);
  }

  private static void fkRule(
      Tables t, CompiledColumn c, ForeignKey fk, CompiledPlan plan, List<String> warnings) {
    Optional<CompiledEntity> parent = included(plan, fk.parent().entity());
    if (parent.isEmpty()) {
      warnings.add(
          t.entity.name()
              + "."
              + c.name()
              + ": foreign key not checked, its parent '"
              + fk.parent().entity()
              + "' is not in this run");
      return;
    }
    t.rules.add(
        new RulePlan(
            RulePlan.Kind.FK,
            c.name(),
            c.type(),
            null,
            null,
            parent.get().table(),
            fk.parent().column(),
            "fk generator"));
  }

  private static void monotonic(
      Tables t, CompiledColumn c, PoissonProcess pp, String sequence, List<String> warnings) {
    if (pp.monotonicOverEntity()) {
      t.rules.add(
          new RulePlan(
              RulePlan.Kind.MONOTONIC,
              c.name(),
              c.type(),
              null,
              sequence,
              null,
              null,
              "poisson_process order: entity"));
    } else if (pp.monotonicWithinParent()) {
      String within = allocatedKey(t.entity);
      if (within == null) {
        warnings.add(
            t.entity.name()
                + "."
                + c.name()
                + ": order within parent not checked, the entity has no fk column to its parent");
      } else {
        t.rules.add(
            new RulePlan(
                pp.strictlyIncreasing()
                    ? RulePlan.Kind.STRICTLY_INCREASING
                    : RulePlan.Kind.MONOTONIC,
                c.name(),
                c.type(),
                within,
                sequence,
                null,
                null,
                pp.strictlyIncreasing()
                    ? "poisson_process order: parent, strict"
                    : "poisson_process order: parent"));
      }
    }
  }

  /** The fk column that follows the entity's rows_per_parent allocation, or null. */
  private static String allocatedKey(CompiledEntity e) {
    return e.columns().stream()
        .filter(
            c ->
                Conversions.unwrap(c.generator()) instanceof ForeignKey fk
                    && fk.allocation() != null)
        .map(CompiledColumn::name)
        .findFirst()
        .orElse(null);
  }

  private static void relationship(Tables t, Band band, CompiledPlan plan, List<String> warnings) {
    ChildAllocation a = t.entity.allocation();
    String key = allocatedKey(t.entity);
    if (a == null || key == null) {
      return;
    }
    ForeignKey fk = (ForeignKey) Conversions.unwrap(column(t.entity, key).generator());
    Optional<CompiledEntity> parent = included(plan, a.parent());
    Law.Discrete law = countLaw(a);
    if (parent.isEmpty() || law == null) {
      warnings.add(
          t.entity.name()
              + ": children per parent not checked ("
              + (parent.isEmpty()
                  ? "the parent is not in this run"
                  : "the count generator declares no whole-number law")
              + ")");
      return;
    }
    t.relationships.add(
        new RelationshipPlan(
            key,
            a.parent(),
            parent.get().table(),
            fk.parent().column(),
            law,
            Map.of(),
            "rows_per_parent",
            band,
            null));
  }

  /** The law of children per parent: the body count law, mixed with the heavy one if any. */
  static Law.Discrete countLaw(ChildAllocation a) {
    Law body = Conversions.unwrap(a.countGenerator()) instanceof Distributed d ? d.law() : null;
    if (!(body instanceof Law.Discrete b)) {
      return null;
    }
    if (a.heavyGenerator() == null) {
      return b;
    }
    Law heavy = Conversions.unwrap(a.heavyGenerator()) instanceof Distributed d ? d.law() : null;
    if (!(heavy instanceof Law.Discrete h)) {
      return null;
    }
    if (a.heavyStretch() != 1.0) {
      h =
          new Law.Discrete(
              h.name() + " stretched ×" + Math.round(a.heavyStretch() * 1000) / 1000.0,
              new StretchedLaw(h.distribution(), a.heavyFloor(), a.heavyStretch()));
    }
    return new Law.Discrete(
        b.name()
            + " with "
            + Math.round(a.heavyShare() * 1000) / 10.0
            + "% heavy parents: "
            + h.name(),
        new MixtureLaw(
            List.of(b.distribution(), h.distribution()),
            new double[] {1 - a.heavyShare(), a.heavyShare()}));
  }

  private static CompiledColumn column(CompiledEntity e, String name) {
    return e.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private static Optional<CompiledEntity> included(CompiledPlan plan, String entity) {
    return plan.included().stream().filter(e -> e.name().equals(entity)).findFirst();
  }

  private void declared(
      Expectations x,
      Scenario s,
      CompiledPlan plan,
      Map<String, Tables> tables,
      Band band,
      Problems problems,
      List<String> warnings) {
    for (ColumnExpectation c : x.columns()) {
      Tables t = table(c.entity(), c.path() + ".column", s, tables, problems, warnings);
      CompiledColumn col = t == null ? null : find(t, c.column(), c.path() + ".column", problems);
      if (col != null) {
        ColumnPlan before = t.columns.get(col.name());
        t.columns.put(col.name(), laws.column(c, col, before, band, plan.asOf(), problems));
      }
    }
    for (RelationshipExpectation r : x.relationships()) {
      Tables t = table(r.entity(), r.path() + ".child", s, tables, problems, warnings);
      CompiledColumn col = t == null ? null : find(t, r.column(), r.path() + ".child", problems);
      if (col == null) {
        continue;
      }
      if (!(Conversions.unwrap(col.generator()) instanceof ForeignKey fk)) {
        problems.add(
            r.path() + ".child",
            "'" + r.entity() + "." + r.column() + "' is not an fk column",
            "name the child's fk column to its parent");
        continue;
      }
      Optional<CompiledEntity> parent = included(plan, fk.parent().entity());
      if (parent.isEmpty()) {
        warnings.add(r.path() + ": not checked, the parent is not in this run");
        continue;
      }
      RelationshipPlan plan1 = laws.relationship(r, fk, parent.get(), band, problems);
      if (plan1 != null) {
        t.relationships.removeIf(p -> p.column().equals(col.name()));
        t.relationships.add(plan1);
      }
    }
    for (IntegrityRule r : x.integrity()) {
      rule(r, s, plan, tables, problems, warnings);
    }
  }

  private static Tables table(
      String entity,
      String path,
      Scenario s,
      Map<String, Tables> tables,
      Problems problems,
      List<String> warnings) {
    if (s.entity(entity) == null) {
      problems.add(
          path,
          "no entity named '" + entity + "'",
          "use one of: " + String.join(", ", s.entities().stream().map(Entity::name).toList()));
      return null;
    }
    Tables t = tables.get(entity);
    if (t == null) {
      warnings.add(path + ": '" + entity + "' is not in this run, so it is not checked");
    }
    return t;
  }

  private static CompiledColumn find(Tables t, String column, String path, Problems problems) {
    CompiledColumn c = column(t.entity, column);
    if (c == null) {
      problems.add(
          path,
          "entity '" + t.entity.name() + "' has no column '" + column + "'",
          "use one of: "
              + String.join(", ", t.entity.columns().stream().map(CompiledColumn::name).toList()));
    }
    return c;
  }

  private static void rule(
      IntegrityRule r,
      Scenario s,
      CompiledPlan plan,
      Map<String, Tables> tables,
      Problems problems,
      List<String> warnings) {
    String kind = r.kind().name().toLowerCase(java.util.Locale.ROOT);
    Tables t = table(r.entity(), r.path() + "." + kind, s, tables, problems, warnings);
    CompiledColumn c = t == null ? null : find(t, r.column(), r.path() + "." + kind, problems);
    if (c == null) {
      return;
    }
    String origin = r.path();
    switch (r.kind()) {
      case UNIQUE ->
          t.rules.add(
              new RulePlan(
                  RulePlan.Kind.UNIQUE, c.name(), c.type(), null, null, null, null, origin));
      case FK -> {
        if (!(Conversions.unwrap(c.generator()) instanceof ForeignKey fk)) {
          problems.add(
              r.path() + ".fk",
              "'"
                  + r.entity()
                  + "."
                  + r.column()
                  + "' is not generated by fk, so its parent is unknown",
              "name an fk column");
          return;
        }
        Optional<CompiledEntity> parent = included(plan, fk.parent().entity());
        if (parent.isPresent()) {
          t.rules.add(
              new RulePlan(
                  RulePlan.Kind.FK,
                  c.name(),
                  c.type(),
                  null,
                  null,
                  parent.get().table(),
                  fk.parent().column(),
                  origin));
        } else {
          warnings.add(r.path() + ": not checked, the parent is not in this run");
        }
      }
      case MONOTONIC -> {
        if (r.within() != null && find(t, r.within(), r.path() + ".within", problems) == null) {
          return;
        }
        if (r.orderBy() != null && find(t, r.orderBy(), r.path() + ".order_by", problems) == null) {
          return;
        }
        t.rules.add(
            new RulePlan(
                RulePlan.Kind.MONOTONIC,
                c.name(),
                c.type(),
                r.within(),
                r.orderBy(),
                null,
                null,
                origin));
      }
    }
  }
}
