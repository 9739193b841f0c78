package dev.syngen.io.jdbc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The COPY wire format a PostgreSQL target uses (option {@code copy_format}). */
enum CopyFormat {
  /** Compact and parse-free on the server; the default. */
  BINARY,
  /** Tab-separated text; works with any column type PostgreSQL can cast text to. */
  TEXT;

  static final String OPTION = "copy_format";

  String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<CopyFormat> parse(String s) {
    return Arrays.stream(values())
        .filter(f -> f.sqlName().equals(s.trim().toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
