package dev.syngen.core.schema;

import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables parents first. A cycle of foreign keys (A → B → A) is broken at a key whose columns
 * are all nullable: that key is {@link #broken() broken} and its columns are drafted NULL, since a
 * scenario generates parents before children. A cycle with no nullable key is an error naming its
 * tables. Self-references are not edges: they are drafted within the table.
 */
public final class TableOrder {
  private final List<DbTable> ordered = new ArrayList<>();
  private final Map<DbForeignKey, String> broken = new LinkedHashMap<>();

  public TableOrder(List<DbTable> tables) {
    Map<String, DbTable> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    Set<String> done = new LinkedHashSet<>();
    while (done.size() < tables.size()) {
      DbTable next = null;
      for (DbTable t : tables) {
        if (!done.contains(t.name()) && ready(t, byName, done)) {
          next = t;
          break;
        }
      }
      if (next == null) {
        breakOne(tables, byName, done);
        continue;
      }
      done.add(next.name());
      ordered.add(next);
    }
  }

  public List<DbTable> ordered() {
    return List.copyOf(ordered);
  }

  /** The keys broken to cut cycles, with the explanation the draft prints. */
  public Map<DbForeignKey, String> broken() {
    return Map.copyOf(broken);
  }

  private boolean ready(DbTable t, Map<String, DbTable> byName, Set<String> done) {
    for (DbForeignKey fk : t.foreignKeys()) {
      if (edge(t, fk, byName) && !done.contains(fk.parent())) {
        return false;
      }
    }
    return true;
  }

  private boolean edge(DbTable t, DbForeignKey fk, Map<String, DbTable> byName) {
    return !fk.parent().equals(t.name())
        && byName.containsKey(fk.parent())
        && !broken.containsKey(fk);
  }

  /** Whether {@code from} depends, through keys among the tables not yet ordered, on {@code to}. */
  private boolean reaches(
      String from, String to, Map<String, DbTable> byName, Set<String> done, Set<String> seen) {
    if (from.equals(to)) {
      return true;
    }
    if (done.contains(from) || !seen.add(from)) {
      return false;
    }
    DbTable t = byName.get(from);
    for (DbForeignKey fk : t.foreignKeys()) {
      if (edge(t, fk, byName) && reaches(fk.parent(), to, byName, done, seen)) {
        return true;
      }
    }
    return false;
  }

  /** Breaks one key of the remaining cycle: a nullable one, the first by table and key name. */
  private void breakOne(List<DbTable> tables, Map<String, DbTable> byName, Set<String> done) {
    List<String> stuck = new ArrayList<>();
    DbTable at = null;
    DbForeignKey pick = null;
    for (DbTable t : tables.stream().sorted(Comparator.comparing(DbTable::name)).toList()) {
      if (done.contains(t.name())) {
        continue;
      }
      stuck.add(t.name());
      for (DbForeignKey fk : t.foreignKeys()) {
        boolean nullable =
            fk.columns().stream()
                .allMatch(c -> t.column(c).map(col -> !col.notNull()).orElse(false));
        if (pick == null
            && nullable
            && edge(t, fk, byName)
            && reaches(fk.parent(), t.name(), byName, done, new LinkedHashSet<>())) {
          pick = fk;
          at = t;
        }
      }
    }
    if (pick == null) {
      throw new IllegalArgumentException(
          "the foreign keys of tables "
              + String.join(", ", stuck)
              + " form a cycle with no nullable column to break it; fix: --exclude one of them,"
              + " or make one of the cycle's foreign-key columns nullable");
    }
    broken.put(
        pick,
        "breaks the foreign-key cycle through "
            + at.name()
            + " and "
            + pick.parent()
            + ": "
            + at.name()
            + " rows are generated before "
            + pick.parent()
            + ", so "
            + String.join(", ", pick.columns())
            + " is always NULL (the column is nullable); fill it afterwards with an UPDATE if the"
            + " copy needs it");
  }
}
