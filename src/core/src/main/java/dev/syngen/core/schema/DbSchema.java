package dev.syngen.core.schema;

import dev.syngen.core.scenario.ColumnType;
import java.util.List;
import java.util.Optional;

/**
 * A schema as read from a database's catalogue: the tables, with their columns, keys and simple
 * constraints, in the catalogue's order. {@code dialect} is postgres, sqlite or mariadb.
 */
public record DbSchema(String dialect, String name, List<DbTable> tables) {
  public DbSchema {
    tables = List.copyOf(tables);
  }

  public Optional<DbTable> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** One table; {@code rows} is exact unless {@code rowsEstimated}. */
  public record DbTable(
      String name,
      List<DbColumn> columns,
      List<String> primaryKey,
      List<List<String>> uniques,
      List<DbForeignKey> foreignKeys,
      List<DbCheck> checks,
      long rows,
      boolean rowsEstimated) {
    public DbTable {
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      uniques = uniques.stream().map(List::copyOf).toList();
      foreignKeys = List.copyOf(foreignKeys);
      checks = List.copyOf(checks);
    }

    public Optional<DbColumn> column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Whether the column alone is the primary key or a unique constraint. */
    public boolean uniqueAlone(String column) {
      return primaryKey.equals(List.of(column))
          || uniques.stream().anyMatch(u -> u.equals(List.of(column)));
    }
  }

  /**
   * One column. {@code declared} is the type as the database prints it ({@code varchar(40)}, {@code
   * numeric(10,2)}, an enum's name); {@code type} the scenario type syngen fills it with, empty
   * when syngen cannot generate it; {@code length} the maximum character length, if any; {@code
   * scale} the decimal digits of an exact numeric, if any; {@code enumValues} the labels of an enum
   * type.
   */
  public record DbColumn(
      String name,
      String declared,
      Optional<ColumnType> type,
      boolean notNull,
      String defaultValue,
      boolean identity,
      Integer length,
      Integer scale,
      List<String> enumValues) {
    public DbColumn {
      enumValues = List.copyOf(enumValues);
    }
  }

  /** A foreign key: {@code columns} of this table reference {@code parentColumns} of the parent. */
  public record DbForeignKey(
      String name, List<String> columns, String parent, List<String> parentColumns) {
    public DbForeignKey {
      columns = List.copyOf(columns);
      parentColumns = List.copyOf(parentColumns);
    }
  }

  /**
   * A CHECK constraint as written ({@code text}) and, where it is simple, what it allows for one
   * column: a range ({@code min}/{@code max}, either open) or a list of values.
   */
  public record DbCheck(
      String text,
      String column,
      Double min,
      boolean minExclusive,
      Double max,
      boolean maxExclusive,
      List<String> values) {
    public DbCheck {
      values = values == null ? List.of() : List.copyOf(values);
    }

    public boolean simple() {
      return column != null;
    }
  }
}
