package dev.syngen.server.interfaces.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.server.application.fidelity.StoredFidelity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's newest fidelity report as the run page shows it: verdict, when and by whom, the reasons
 * for a NO-GO and every check (kind, subject, status, finding).
 */
public record FidelityView(
    String verdict,
    String checkedAt,
    String checkedBy,
    String tolerance,
    long elapsedMillis,
    List<String> reasons,
    List<String> warnings,
    List<CheckLine> checks) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One check of the report. */
  public record CheckLine(String kind, String subject, String status, String message) {}

  /** The badge class of the verdict: {@code go} or {@code no-go}. */
  public String badge() {
    return verdict.toLowerCase(Locale.ROOT);
  }

  static FidelityView of(StoredFidelity f) {
    JsonNode r;
    try {
      r = JSON.readTree(f.json());
    } catch (IOException e) {
      throw new UncheckedIOException("the stored fidelity report of run " + f.runId(), e);
    }
    List<CheckLine> checks = new ArrayList<>();
    r.path("checks")
        .forEach(
            c ->
                checks.add(
                    new CheckLine(
                        c.path("kind").asText(),
                        c.path("subject").asText(),
                        c.path("status").asText(),
                        c.path("message").asText())));
    return new FidelityView(
        f.verdict(),
        f.checkedAt().toString(),
        f.checkedBy(),
        f.tolerance(),
        r.path("elapsed_millis").asLong(),
        texts(r.path("reasons")),
        texts(r.path("warnings")),
        checks);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
