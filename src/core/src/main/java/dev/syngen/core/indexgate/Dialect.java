package dev.syngen.core.indexgate;

import java.util.Locale;
import java.util.Optional;

/** The databases the gate reads plans from: PostgreSQL and MariaDB. */
public enum Dialect {
  POSTGRES("postgres"),
  MARIADB("mariadb");

  private final String label;

  Dialect(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The dialect of a target kind ({@code postgres}, {@code postgresql}, {@code mariadb}). */
  public static Optional<Dialect> ofKind(String kind) {
    if (kind == null) {
      return Optional.empty();
    }
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "postgres", "postgresql" -> Optional.of(POSTGRES);
      case "mariadb" -> Optional.of(MARIADB);
      default -> Optional.empty();
    };
  }
}
