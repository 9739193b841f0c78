package dev.syngen.server.interfaces.console;

import java.util.List;
import java.util.Locale;

/** Turns a run's error message into plain words and the fix that usually helps. */
public final class ErrorExplainer {
  private record Rule(String needle, String cause, String fix) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "circuit is open",
              "syngen could not reach targets several times in a row, so it paused opening them"
                  + " for a few seconds (fault tolerance).",
              "Press Test on the Targets page; once the target answers, restart the run."),
          new Rule(
              "connection refused",
              "syngen could not reach the target's database: nothing answered at its host and port.",
              "Start the database or correct host and port in the target, then press Test on the"
                  + " Targets page and restart the run."),
          new Rule(
              "refused",
              "syngen could not reach the target's database: nothing answered at its host and port.",
              "Start the database or correct host and port in the target, then press Test on the"
                  + " Targets page and restart the run."),
          new Rule(
              "connect",
              "syngen could not connect to the target.",
              "Check the target's DSN, press Test on the Targets page, then restart the run."),
          new Rule(
              "password authentication failed",
              "The target's database refused the user name or password.",
              "Correct the credentials in the target (prefer a ${VAR} reference), test it and"
                  + " restart."),
          new Rule(
              "does not exist",
              "The target's database or schema does not exist.",
              "Create it, or point the target at one that exists, then restart the run."),
          new Rule(
              "permission denied",
              "The target's user may not create or write the tables.",
              "Grant the user CREATE and INSERT on the schema, or use another user, then restart."),
          new Rule(
              "already exists",
              "A table the run writes already exists and the table mode does not replace it.",
              "Re-run with table mode drop_and_create or truncate, or choose another schema."),
          new Rule(
              "interrupted",
              "The server stopped while the run was executing.",
              "Press Restart: the run resumes where its last checkpoint left it."),
          new Rule(
              "cancel",
              "Someone cancelled the run.",
              "Press Restart to resume it, or Re-run to start it again from the beginning."),
          new Rule(
              "out of memory",
              "The server ran out of memory.",
              "Lower parallelism or the scale, or give the server more heap, then restart."));

  private ErrorExplainer() {}

  /** The explanation of {@code error}; null when there is no error. */
  public static Explanation explain(String error) {
    if (error == null || error.isBlank()) {
      return null;
    }
    String e = error.toLowerCase(Locale.ROOT);
    for (Rule r : RULES) {
      if (e.contains(r.needle())) {
        return new Explanation(r.cause(), r.fix());
      }
    }
    return new Explanation(
        "The run stopped with an error the console does not recognise.",
        "Read the run log at debug level below; fix the cause, then press Restart to resume.");
  }
}
