package dev.syngen.core.sink;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What to do with existing tables or files. sdgen's names are accepted as aliases. */
public enum TableMode {
  /** Create what is missing; an existing table must have the expected columns. */
  CREATE_IF_MISSING("create"),
  /** Empty existing tables (or replace files), then insert. */
  TRUNCATE_THEN_INSERT("truncate"),
  /** Insert into existing tables (or append to files), creating what is missing. */
  APPEND_ONLY("append");

  private final String alias;

  TableMode(String alias) {
    this.alias = alias;
  }

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TableMode> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String n = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values())
        .filter(m -> m.yamlName().equals(n) || m.alias.equals(n))
        .findFirst();
  }

  public static String allNames() {
    return "create_if_missing (create), truncate_then_insert (truncate), append_only (append)";
  }
}
