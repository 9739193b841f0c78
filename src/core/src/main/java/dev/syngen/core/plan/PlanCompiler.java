package dev.syngen.core.plan;

import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.Unique;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Lifecycle;
import dev.syngen.core.scenario.RowsPerParent;
import dev.syngen.core.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a scenario with run overrides and binds it into a {@link CompiledPlan}. Every problem
 * is collected (with its path and a fix) before anything fails, so one attempt shows them all.
 */
public final class PlanCompiler {
  /** Entities larger than this are refused: beyond it a plan is a typo, not a dataset. */
  public static final long MAX_ROWS = 1L << 40;

  private final GeneratorRegistry registry;

  public PlanCompiler(GeneratorRegistry registry) {
    this.registry = registry;
  }

  /** Compiles or throws {@link dev.syngen.core.problem.ValidationException} with all problems. */
  public CompiledPlan compile(Scenario scenario, RunOverrides overrides) {
    Problems problems = new Problems();
    CompiledPlan plan = compile(scenario, overrides, problems);
    problems.throwIfAny("scenario '" + scenario.id() + "'");
    return plan;
  }

  /** Compiles, adding problems to {@code problems}; returns null if there are any. */
  public CompiledPlan compile(Scenario scenario, RunOverrides overrides, Problems problems) {
    Map<String, Integer> index = checkStructure(scenario, problems);
    checkOverrides(scenario, overrides, index, problems);
    long seed =
        overrides.seed() != null
            ? overrides.seed()
            : scenario.seed() != null ? scenario.seed() : new SecureRandom().nextLong() >>> 1;
    Instant asOf =
        overrides.asOf() != null
            ? overrides.asOf()
            : scenario.asOf() != null
                ? scenario.asOf()
                : Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Map<String, Set<String>> parents = parents(scenario);
    List<String> names = scenario.entities().stream().map(Entity::name).toList();
    DependencyOrder.Result order = DependencyOrder.of(names, parents);
    for (List<String> cycle : order.cycles()) {
      problems.add(
          "entities[" + index.getOrDefault(cycle.get(0), 0) + "]",
          "foreign keys form a cycle: " + String.join(" -> ", cycle),
          "remove one fk in the cycle; a parent must be generable without its children");
    }

    Set<String> included = included(scenario, overrides);
    Map<String, CompiledEntity> compiled = new LinkedHashMap<>();
    // Entities on a cycle cannot be bound, but every other problem is still reported; fks into a
    // cycle stay silent because the cycle itself is the problem to fix.
    Set<String> failed = new HashSet<>();
    order.cycles().forEach(failed::addAll);
    EntityCompiler binder = new EntityCompiler(registry, seed, asOf, compiled, failed, problems);
    for (String name : order.order()) {
      Integer i = index.get(name);
      if (i == null) {
        continue; // an fk to an unknown entity; reported when the fk is bound
      }
      Entity e = scenario.entities().get(i);
      Long total = e.rowsPerParent() == null ? null : overrides.entityCounts().get(name);
      CompiledEntity ce =
          binder.compile(e, i, resolveRows(e, overrides), total, included.contains(name));
      if (ce == null) {
        failed.add(name);
      } else {
        compiled.put(name, ce);
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    List<String> warnings = warnings(scenario, parents, included, compiled);
    List<CompiledEntity> entities = new ArrayList<>(compiled.values());
    return new CompiledPlan(
        scenario.id(),
        scenario.name(),
        scenario.version(),
        seed,
        asOf,
        entities,
        warnings,
        configHash(scenario, seed, asOf, entities));
  }

  private Map<String, Integer> checkStructure(Scenario s, Problems problems) {
    Map<String, Integer> index = new LinkedHashMap<>();
    Map<String, Integer> tables = new HashMap<>();
    for (int i = 0; i < s.entities().size(); i++) {
      Entity e = s.entities().get(i);
      String path = "entities[" + i + "]";
      if (e.name() != null) {
        Integer prev = index.putIfAbsent(e.name(), i);
        if (prev != null) {
          problems.add(
              path + ".name",
              "duplicate entity name '" + e.name() + "' (also entities[" + prev + "])",
              "give each entity a unique name");
        } else if (!Identifiers.isSafe(e.name())) {
          problems.add(path + ".name", "'" + e.name() + "' is not a safe name", Identifiers.RULE);
        }
      }
      if (e.targetTable() != null) {
        Integer prev = tables.putIfAbsent(e.targetTable().toLowerCase(java.util.Locale.ROOT), i);
        if (!Identifiers.isSafe(e.targetTable())) {
          problems.add(
              path + ".target_table",
              "'" + e.targetTable() + "' is not a safe SQL identifier",
              Identifiers.RULE);
        } else if (prev != null) {
          problems.add(
              path + ".target_table",
              "duplicate target_table '" + e.targetTable() + "' (also entities[" + prev + "])",
              "give each entity its own target_table");
        }
      }
      if (e.rowsPerParent() != null) {
        checkPerParent(s, e, path, problems);
      } else if (e.rows() <= 0) {
        problems.add(
            path + ".rows", "must be > 0, got " + e.rows(), "set rows to a positive whole number");
      } else if (e.rows() > MAX_ROWS) {
        problems.add(
            path + ".rows", "is larger than " + MAX_ROWS, "use a smaller count; scale at run time");
      }
      Set<String> cols = new HashSet<>();
      for (int j = 0; j < e.columns().size(); j++) {
        Column c = e.columns().get(j);
        String cp = path + ".columns[" + j + "].name";
        if (!cols.add(c.name().toLowerCase(java.util.Locale.ROOT))) {
          problems.add(
              cp,
              "duplicate column name '" + c.name() + "'",
              "give each column of an entity a unique name");
        } else if (!Identifiers.isSafe(c.name())) {
          problems.add(cp, "'" + c.name() + "' is not a safe SQL identifier", Identifiers.RULE);
        }
      }
    }
    return index;
  }

  private static void checkPerParent(Scenario s, Entity e, String path, Problems problems) {
    String parent = e.rowsPerParent().parent();
    if (parent.equals(e.name())) {
      problems.add(
          path + ".rows_per_parent.parent",
          "names the entity itself",
          "name the parent entity whose rows get the children");
    } else if (s.entity(parent) == null) {
      problems.add(
          path + ".rows_per_parent.parent",
          "no entity named '" + parent + "'",
          "use one of: " + String.join(", ", s.entities().stream().map(Entity::name).toList()));
    }
  }

  private void checkOverrides(
      Scenario s, RunOverrides o, Map<String, Integer> index, Problems problems) {
    if (o.scale() != null && !(o.scale() > 0 && o.scale() < 1e9)) {
      problems.add(
          "scale",
          "must be a number > 0, got " + o.scale(),
          "use e.g. 0.01 to shrink or 10 to grow");
    }
    o.entityScales()
        .forEach(
            (name, f) -> {
              if (!index.containsKey(name)) {
                problems.add(
                    "entity_scales." + name,
                    "no entity named '" + name + "'",
                    "use one of: " + String.join(", ", index.keySet()));
              } else if (f == null || !(f > 0 && f < 1e9)) {
                problems.add(
                    "entity_scales." + name, "must be a number > 0, got " + f, "use e.g. 0.5");
              } else if (s.entity(name).rowsPerParent() != null) {
                problems.add(
                    "entity_scales." + name,
                    "'" + name + "' has rows_per_parent, so its rows follow its parent",
                    "scale the parent '" + s.entity(name).rowsPerParent().parent() + "' instead");
              }
            });
    o.entityCounts()
        .forEach(
            (name, n) -> {
              if (!index.containsKey(name)) {
                problems.add(
                    "entity_counts." + name,
                    "no entity named '" + name + "'",
                    "use one of: " + String.join(", ", index.keySet()));
              } else if (n == null || n <= 0 || n > MAX_ROWS) {
                problems.add(
                    "entity_counts." + name,
                    "must be between 1 and " + MAX_ROWS + ", got " + n,
                    "use e.g. 1000");
              } else if (s.entity(name).rowsPerParent() != null
                  && s.entity(name).rowsPerParent().heavyCount() == null) {
                problems.add(
                    "entity_counts." + name,
                    "'"
                        + name
                        + "' has rows_per_parent without heavy parents, so its rows follow"
                        + " its parent",
                    "set the count of the parent '"
                        + s.entity(name).rowsPerParent().parent()
                        + "' instead, or declare heavy parents, which take up the rest");
              }
            });
    for (String name : o.includeEntities()) {
      if (!index.containsKey(name)) {
        problems.add(
            "include_entities",
            "no entity named '" + name + "'",
            "use one of: " + String.join(", ", index.keySet()));
      }
      if (o.excludeEntities().contains(name)) {
        problems.add(
            "exclude_entities",
            "'" + name + "' is both included and excluded",
            "remove it from one of the lists");
      }
    }
    for (String name : o.excludeEntities()) {
      if (!index.containsKey(name)) {
        problems.add(
            "exclude_entities",
            "no entity named '" + name + "'",
            "use one of: " + String.join(", ", index.keySet()));
      }
    }
    if (!o.excludeEntities().isEmpty()
        && index.keySet().stream()
            .allMatch(
                n ->
                    o.excludeEntities().contains(n)
                        || (!o.includeEntities().isEmpty() && !o.includeEntities().contains(n)))) {
      problems.add(
          "exclude_entities", "excludes every entity", "leave at least one entity in the run");
    }
  }

  static long resolveRows(Entity e, RunOverrides o) {
    Long explicit = o.entityCounts().get(e.name());
    if (explicit != null) {
      return explicit;
    }
    double f = (o.scale() == null ? 1.0 : o.scale()) * o.entityScales().getOrDefault(e.name(), 1.0);
    return Math.min(MAX_ROWS, Math.max(1L, Math.round(e.rows() * f)));
  }

  private static Set<String> included(Scenario s, RunOverrides o) {
    Set<String> in = new LinkedHashSet<>();
    for (Entity e : s.entities()) {
      boolean listed = o.includeEntities().isEmpty() || o.includeEntities().contains(e.name());
      if (listed && !o.excludeEntities().contains(e.name())) {
        in.add(e.name());
      }
    }
    return in;
  }

  static Map<String, Set<String>> parents(Scenario s) {
    Map<String, Set<String>> parents = new HashMap<>();
    for (Entity e : s.entities()) {
      if (e.rowsPerParent() != null) {
        parents
            .computeIfAbsent(e.name(), k -> new LinkedHashSet<>())
            .add(e.rowsPerParent().parent());
      }
      for (Column c : e.columns()) {
        if ("fk".equals(c.generator().type()) && c.generator().params().get("entity") != null) {
          parents
              .computeIfAbsent(e.name(), k -> new LinkedHashSet<>())
              .add(String.valueOf(c.generator().params().get("entity")));
        }
      }
    }
    return parents;
  }

  private List<String> warnings(
      Scenario s,
      Map<String, Set<String>> parents,
      Set<String> included,
      Map<String, CompiledEntity> compiled) {
    List<String> w = new ArrayList<>();
    for (Entity e : s.entities()) {
      if (!included.contains(e.name())) {
        continue;
      }
      for (String p : parents.getOrDefault(e.name(), Set.of())) {
        if (!included.contains(p)) {
          w.add(
              "entity '"
                  + e.name()
                  + "' is included but its parent '"
                  + p
                  + "' is excluded: its fk values refer to rows this run does not write");
        }
      }
      for (Column c : e.columns()) {
        if (c.unique() && !guaranteesUnique(compiled.get(e.name()), c.name())) {
          w.add(
              "column '"
                  + e.name()
                  + "."
                  + c.name()
                  + "' is marked unique but generator '"
                  + c.generator().type()
                  + "' does not guarantee distinct values");
        }
      }
    }
    return w;
  }

  private static boolean guaranteesUnique(CompiledEntity e, String column) {
    return e.columns().stream()
        .filter(c -> c.name().equals(column))
        .anyMatch(c -> Conversions.unwrap(c.generator()) instanceof Unique u && u.distinct());
  }

  /** The version of how faker values are drawn; part of the config hash of columns using them. */
  static final String FAKER_VALUES = "compiled-2";

  /**
   * The version of how llm_text writes cells; part of the config hash of columns using it. Version
   * 2: {@code mode: pool} became the default (before, every cell was one completion per row).
   */
  static final String LLM_TEXT = "pool-default-2";

  /** True if a generator spec (type, params, nested specs) names llm_text anywhere. */
  private static boolean usesLlmText(Object spec) {
    if (spec instanceof String s) {
      return s.equals("llm_text");
    }
    if (spec instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(PlanCompiler::usesLlmText);
    }
    if (spec instanceof Collection<?> c) {
      return c.stream().anyMatch(PlanCompiler::usesLlmText);
    }
    return false;
  }

  /** True if a generator spec (type, params, nested specs) names a faker generator anywhere. */
  private static boolean usesFaker(Object spec) {
    if (spec instanceof String s) {
      return s.equals("faker") || s.startsWith("faker_");
    }
    if (spec instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(PlanCompiler::usesFaker);
    }
    if (spec instanceof Collection<?> c) {
      return c.stream().anyMatch(PlanCompiler::usesFaker);
    }
    return false;
  }

  /**
   * The hashes of outside content (corpora) a generator spec names, anywhere in it: the top-level
   * generator and every nested {@code {type, params}}.
   */
  private void contents(Object type, Object params, Set<String> out) {
    if (type instanceof String t && params instanceof Map<?, ?> m) {
      registry
          .find(t)
          .map(
              f -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) m;
                return f.contentHash(p);
              })
          .ifPresent(out::add);
    }
    if (params instanceof Map<?, ?> m) {
      for (Object v : m.values()) {
        nestedContents(v, out);
      }
    } else if (params instanceof Collection<?> c) {
      c.forEach(v -> nestedContents(v, out));
    }
  }

  private void nestedContents(Object node, Set<String> out) {
    if (node instanceof Map<?, ?> m) {
      contents(m.get("type"), m.get("params"), out);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!"params".equals(e.getKey())) {
          nestedContents(e.getValue(), out);
        }
      }
    } else if (node instanceof Collection<?> c) {
      c.forEach(v -> nestedContents(v, out));
    }
  }

  /** A lifecycle as plain maps and lists, in declaration order, for the config hash. */
  private static Map<String, Object> lifecycleDoc(Lifecycle l) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("key", l.key());
    doc.put("start", l.start());
    doc.put("initial", l.initial());
    doc.put("dwell_unit_millis", l.dwellUnitMillis());
    doc.put("final_row", l.finalRow());
    doc.put("until", l.until());
    doc.put("max_events", l.maxEvents());
    doc.put("outputs", l.outputs());
    List<Object> states = new ArrayList<>();
    for (Lifecycle.State st : l.states()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", st.name());
      m.put("dwell", specDoc(st.dwell()));
      List<Object> next = new ArrayList<>();
      for (Lifecycle.Branch b : st.next()) {
        Map<String, Object> branch = new LinkedHashMap<>();
        branch.put("when", b.when());
        branch.put("to", b.to());
        next.add(branch);
      }
      m.put("next", next);
      Map<String, Object> set = new LinkedHashMap<>();
      st.set().forEach((k, v) -> set.put(k, specDoc(v)));
      m.put("set", set);
      m.put("delete", st.delete());
      m.put("shape", st.shape());
      states.add(m);
    }
    doc.put("states", states);
    return doc;
  }

  private static Object specDoc(Object v) {
    return v instanceof GeneratorSpec g ? Map.of("type", g.type(), "params", g.params()) : v;
  }

  private String configHash(Scenario s, long seed, Instant asOf, List<CompiledEntity> compiled) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scenario_id", s.id());
    doc.put("scenario_name", s.name());
    doc.put("scenario_version", s.version());
    doc.put("seed", seed);
    doc.put("as_of", asOf.toString());
    Map<String, CompiledEntity> byName = new HashMap<>();
    compiled.forEach(e -> byName.put(e.name(), e));
    List<Object> entities = new ArrayList<>();
    for (Entity e : s.entities()) {
      CompiledEntity ce = byName.get(e.name());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", e.name());
      m.put("table", e.targetTable());
      m.put("rows", ce.rows());
      m.put("included", ce.included());
      if (e.rowsPerParent() != null) {
        RowsPerParent r = e.rowsPerParent();
        Map<String, Object> per = new LinkedHashMap<>();
        per.put("parent", r.parent());
        per.put("count", Map.of("type", r.count().type(), "params", r.count().params()));
        if (r.heavyCount() != null) {
          per.put("heavy_share", r.heavyShare());
          per.put(
              "heavy_count",
              Map.of("type", r.heavyCount().type(), "params", r.heavyCount().params()));
        }
        m.put("rows_per_parent", per);
      }
      List<Object> cols = new ArrayList<>();
      for (Column c : e.columns()) {
        Map<String, Object> col =
            new LinkedHashMap<>(
                Map.of(
                    "name",
                    c.name(),
                    "type",
                    c.type().yamlName(),
                    "nullable",
                    c.nullable(),
                    "null_rate",
                    c.nullRate(),
                    "unique",
                    c.unique(),
                    "generator",
                    Map.of("type", c.generator().type(), "params", c.generator().params())));
        if (usesFaker(c.generator().type()) || usesFaker(c.generator().params())) {
          // Faker values are drawn by the compiled dictionaries since CHANGELOG 0.2.0: a data
          // change, so the same scenario and seed must not claim the same hash as before.
          col.put("faker_values", FAKER_VALUES);
        }
        Set<String> contents = new java.util.TreeSet<>();
        contents(c.generator().type(), c.generator().params(), contents);
        if (!contents.isEmpty()) {
          // Outside content (a corpus) is part of what the data is made of: its hash, not its
          // name, decides whether two runs are equal.
          col.put("contents", new ArrayList<>(contents));
        }
        if (usesLlmText(c.generator().type()) || usesLlmText(c.generator().params())) {
          // pool became llm_text's default mode in CHANGELOG 0.2.0: a data change for columns
          // that do not name their mode, so their scenarios must not keep their old hash
          col.put("llm_text", LLM_TEXT);
        }
        cols.add(col);
      }
      m.put("columns", cols);
      if (e.lifecycle() != null) {
        // a lifecycle's states, dwells, shapes and branches make its events and final rows
        m.put("lifecycle", lifecycleDoc(e.lifecycle()));
      }
      entities.add(m);
    }
    doc.put("entities", entities);
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(CanonicalJson.write(doc).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
