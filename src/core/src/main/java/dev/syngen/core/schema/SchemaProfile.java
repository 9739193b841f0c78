package dev.syngen.core.schema;

import dev.syngen.core.profile.TableProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a whole schema, safe to take out of production: each table's profile (the profiler's
 * privacy rules: k-threshold categories, no identifier or free text) and, for each foreign key, how
 * many children the parents have. Written by {@code syngen scenario from-db --profile-out}, read by
 * {@code syngen fidelity --compare-profile}.
 */
public record SchemaProfile(
    String dialect, String schema, int k, List<TableProfile> tables, List<Children> relationships) {
  public SchemaProfile {
    tables = List.copyOf(tables);
    relationships = List.copyOf(relationships);
  }

  public Optional<TableProfile> table(String name) {
    return tables.stream().filter(t -> t.table().equals(name)).findFirst();
  }

  public Optional<Children> relationship(String child, List<String> columns) {
    return relationships.stream()
        .filter(r -> r.child().equals(child) && r.columns().equals(columns))
        .findFirst();
  }

  /**
   * Children per parent row for one foreign key: {@code parents} rows of {@code parent}, the share
   * of each count among them (counts held by fewer than k parents are pooled with their neighbours
   * into a bucket of at least k parents, shown as the bucket's mean), and percentiles.
   */
  public record Children(
      String child,
      List<String> columns,
      String parent,
      long parents,
      long children,
      Map<Long, Double> shares,
      Map<String, Double> percentiles) {
    public Children {
      columns = List.copyOf(columns);
    }

    public double mean() {
      return parents == 0 ? 0 : children / (double) parents;
    }

    public String name() {
      return child + "." + String.join("+", columns) + " -> " + parent;
    }
  }
}
