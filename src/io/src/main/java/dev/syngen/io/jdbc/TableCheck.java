package dev.syngen.io.jdbc;

import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.scenario.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Compares an entity with the table that already exists under its name, so a run that could not
 * write every row is refused before anything is created or truncated.
 */
public final class TableCheck {
  private final Function<ColumnType, String> ddlType;
  private final BiPredicate<ColumnType, String> fits;
  private final boolean ignoreCase;

  /**
   * @param ddlType the type syngen would declare for a column
   * @param fits whether an existing column of the given database type can take the values
   * @param ignoreCase whether the database matches column names case-insensitively
   */
  public TableCheck(
      Function<ColumnType, String> ddlType,
      BiPredicate<ColumnType, String> fits,
      boolean ignoreCase) {
    this.ddlType = ddlType;
    this.fits = fits;
    this.ignoreCase = ignoreCase;
  }

  /** One line per reason the entity's rows cannot go into {@code table}; empty when they can. */
  public List<String> mismatches(String table, CompiledEntity e, List<ExistingColumn> existing) {
    Map<String, ExistingColumn> byName = new HashMap<>();
    existing.forEach(x -> byName.put(key(x.name()), x));
    List<String> out = new ArrayList<>();
    for (CompiledColumn c : e.columns()) {
      ExistingColumn x = byName.remove(key(c.name()));
      String want = ddlType.apply(c.type());
      String where = "table " + table + ", column " + c.name();
      if (x == null) {
        out.add(
            "table "
                + table
                + " has no column "
                + c.name()
                + " ("
                + want
                + "); fix: ALTER TABLE "
                + table
                + " ADD COLUMN "
                + c.name()
                + " "
                + want
                + ", or drop the table so syngen creates it");
      } else if (x.generated()) {
        out.add(where + " is a generated column and cannot be written; fix: rename one of them");
      } else if (!fits.test(c.type(), x.type()) && c.nullRate() < 1) {
        out.add(
            where
                + " is "
                + x.type()
                + " but the scenario writes "
                + c.type().yamlName()
                + " values; fix: change the column to "
                + want
                + ", or drop the table so syngen creates it");
      } else if (x.notNull() && c.canBeNull()) {
        out.add(
            where
                + " is NOT NULL but the scenario writes nulls (null_rate "
                + c.nullRate()
                + "); fix: drop the NOT NULL constraint, or make the scenario column not nullable");
      }
    }
    for (ExistingColumn x : byName.values()) {
      if (x.notNull() && !x.hasDefault() && !x.generated()) {
        out.add(
            "table "
                + table
                + ", column "
                + x.name()
                + " is NOT NULL without a default and the scenario does not write it;"
                + " fix: give it a default, make it nullable, or add it to the scenario");
      }
    }
    return out;
  }

  private String key(String name) {
    return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
  }
}
