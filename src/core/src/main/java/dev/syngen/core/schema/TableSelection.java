package dev.syngen.core.schema;

import java.util.ArrayList;
import java.util.List;

/** Which tables of a schema to draft: the included ones (all when none) minus the excluded. */
public final class TableSelection {
  private TableSelection() {}

  /** The kept names, in the schema's order; every name given must exist, and one must remain. */
  public static List<String> apply(
      String schema, List<String> tables, List<String> include, List<String> exclude) {
    List<String> missing = new ArrayList<>();
    for (String n : include) {
      if (!tables.contains(n)) {
        missing.add(n);
      }
    }
    for (String n : exclude) {
      if (!tables.contains(n)) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "no table "
              + String.join(", ", missing)
              + " in schema "
              + schema
              + (tables.isEmpty()
                  ? ", which has no tables"
                  : "; it has " + String.join(", ", tables)));
    }
    List<String> kept =
        tables.stream()
            .filter(t -> include.isEmpty() || include.contains(t))
            .filter(t -> !exclude.contains(t))
            .toList();
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          "no table to draft in schema "
              + schema
              + (tables.isEmpty() ? " (it has none)" : "; check --include and --exclude"));
    }
    return kept;
  }
}
