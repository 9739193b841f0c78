package dev.syngen.core.schema;

import dev.syngen.core.profile.ScenarioDraft;
import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.profile.TableProfile.ColumnProfile;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.schema.SchemaProfile.Children;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an original schema's profile into the expectations a copy must meet ({@code syngen fidelity
 * --compare-profile}): per column the original's percentiles, shares and null rate, for the columns
 * the scenario generates from a law (not keys, fakes or expressions); per relationship laid out by
 * {@code rows_per_parent}, the original's children-per-parent shares. What cannot be compared is
 * listed in {@link #skipped()}.
 */
public final class ProfileExpectations {
  private static final Set<String> FROM_LAW =
      Set.of("choice", "empirical", "bool", "correlated", "poisson_process");
  private final List<String> skipped = new ArrayList<>();
  private final Map<String, Object> tree;

  public ProfileExpectations(SchemaProfile profile, Scenario scenario) {
    List<Object> columns = new ArrayList<>();
    List<Object> relationships = new ArrayList<>();
    for (Entity e : scenario.entities()) {
      String table = e.targetTable() != null ? e.targetTable() : e.name();
      TableProfile tp = profile.table(table).orElse(null);
      if (tp == null) {
        skipped.add(e.name() + ": not in the profile");
        continue;
      }
      for (Column c : e.columns()) {
        ColumnProfile cp =
            tp.columns().stream().filter(x -> x.name().equals(c.name())).findFirst().orElse(null);
        if (cp == null || !FROM_LAW.contains(c.generator().type())) {
          continue;
        }
        Map<String, Object> x = ScenarioDraft.expectation(e.name(), cp, tp.sampled());
        if (x != null) {
          if (x.get("shares") instanceof Map<?, ?> shares) {
            shares.remove("other");
          }
          columns.add(x);
        }
      }
      if (e.rowsPerParent() != null) {
        relationship(profile, e, table).ifPresent(relationships::add);
      }
    }
    for (Children ch : profile.relationships()) {
      boolean laidOut =
          scenario.entities().stream()
              .anyMatch(
                  e ->
                      e.name().equals(ch.child())
                          && e.rowsPerParent() != null
                          && e.rowsPerParent().parent().equals(ch.parent()));
      if (!laidOut) {
        skipped.add(ch.name() + ": the scenario picks parents uniformly, not by the profiled law");
      }
    }
    tree = new LinkedHashMap<>();
    tree.put("columns", columns);
    if (!relationships.isEmpty()) {
      tree.put("relationships", relationships);
    }
  }

  private static java.util.Optional<Object> relationship(
      SchemaProfile profile, Entity e, String table) {
    String parent = e.rowsPerParent().parent();
    for (Children ch : profile.relationships()) {
      if (ch.child().equals(table) && ch.parent().equals(parent)) {
        String fk = ch.columns().get(0);
        if (e.column(fk) == null) {
          continue;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("child", e.name() + "." + fk);
        r.put("distribution", SchemaDrafter.countLaw(ch.shares()));
        // the shares are a sample of that many parents, not an exact law
        r.put("reference_parents", ch.parents());
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }

  /** The expectations as a document tree, as a {@code --spec} file would hold them. */
  public Map<String, Object> tree() {
    return tree;
  }

  public List<String> skipped() {
    return List.copyOf(skipped);
  }
}
