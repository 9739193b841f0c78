package dev.syngen.server.application.target;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets are write-only: the API and the console show them as {@link Redactor#MASK}, and an edit
 * that sends the mask back (or a form that leaves a secret empty) keeps the stored secret. Applies
 * to the DSN's password and to every option whose name makes it secret.
 */
public final class TargetSecrets {
  private TargetSecrets() {}

  /** {@code edited} with each masked secret replaced by the one {@code stored} holds. */
  public static TargetSpec keepStored(TargetSpec stored, TargetSpec edited, Problems problems) {
    String dsn = keepDsn(stored.dsn(), edited.dsn(), problems);
    Map<String, String> options = new LinkedHashMap<>();
    edited
        .options()
        .forEach(
            (key, value) -> {
              if (Redactor.MASK.equals(value) && Redactor.secretOption(key)) {
                String kept = stored.options().get(key);
                if (kept == null) {
                  problems.add(
                      "options." + key,
                      "is " + Redactor.MASK + " (a stored secret) but none is stored under it",
                      "type the value");
                }
                options.put(key, kept == null ? value : kept);
              } else {
                options.put(key, value);
              }
            });
    return new TargetSpec(edited.id(), edited.name(), edited.kind(), dsn, edited.schema(), options);
  }

  private static String keepDsn(String stored, String edited, Problems problems) {
    if (edited == null || !edited.contains(Redactor.MASK)) {
      return edited;
    }
    if (stored != null && Redactor.dsn(stored).equals(edited)) {
      return stored;
    }
    DsnCredentials typed = DsnCredentials.split(edited);
    String kept = DsnCredentials.split(stored).password();
    if (Redactor.MASK.equals(typed.password()) && kept != null) {
      return DsnCredentials.withPassword(typed.withoutPassword(), kept);
    }
    problems.add(
        "dsn",
        "holds " + Redactor.MASK + " where no stored secret can be kept",
        "type the password again, or leave it out");
    return edited;
  }
}
