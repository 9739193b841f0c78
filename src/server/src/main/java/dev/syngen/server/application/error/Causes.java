package dev.syngen.server.application.error;

import java.sql.SQLException;
import java.util.function.Predicate;

/** Looks through a failure and its causes, as deep as the container wrapped them. */
public final class Causes {
  private Causes() {}

  /** True if {@code thrown} or one of its causes matches {@code test}. */
  public static boolean any(Throwable thrown, Predicate<Throwable> test) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code thrown} or one of its causes is an SQL failure whose SQL state matches. */
  public static boolean sqlState(Throwable thrown, Predicate<String> state) {
    return any(
        thrown,
        t ->
            t instanceof SQLException sql
                && sql.getSQLState() != null
                && state.test(sql.getSQLState()));
  }
}
