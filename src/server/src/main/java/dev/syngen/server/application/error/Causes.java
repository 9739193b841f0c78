package dev.syngen.server.application.error;

import dev.syngen.core.sink.Redactor;
import java.sql.SQLException;
import java.util.function.Predicate;

/** Looks through a failure and its causes, as deep as the container wrapped them. */
public final class Causes {
  /** Longest description {@link #describe} returns: a run record's error stays readable. */
  static final int MAX_DESCRIPTION = 600;

  private Causes() {}

  /**
   * What went wrong, for a run's error or an operator's log: each message down the chain that the
   * ones before do not already contain, joined by ": ", with secrets masked. A failure without a
   * message is named by its class, so a container's wrapper ({@code TransactionalException}) still
   * shows what it wrapped ({@code RollbackException: PSQLException: ERROR: deadlock detected}).
   */
  public static String describe(Throwable thrown) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = thrown;
        t != null && sb.length() < MAX_DESCRIPTION;
        t = t.getCause() == t ? null : t.getCause()) {
      String part = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (sb.indexOf(part) < 0) {
        sb.append(sb.length() == 0 ? "" : ": ").append(part);
      }
    }
    String text = Redactor.text(sb.toString());
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + " …";
  }

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
