package dev.syngen.server.application.run;

import dev.syngen.server.application.error.Causes;

/** Whether a failure was the history database refusing a row whose key it already holds. */
final class DuplicateKey {
  /** SQL state of a unique or primary key violation, in Derby and PostgreSQL alike. */
  static final String UNIQUE_VIOLATION = "23505";

  private DuplicateKey() {}

  /** True if {@code thrown} or one of its causes is a unique or primary key violation. */
  static boolean in(Throwable thrown) {
    return Causes.sqlState(thrown, UNIQUE_VIOLATION::equals);
  }
}
