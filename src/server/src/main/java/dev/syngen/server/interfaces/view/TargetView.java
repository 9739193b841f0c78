package dev.syngen.server.interfaces.view;

import dev.syngen.core.sink.Redactor;
import dev.syngen.server.application.target.StoredTarget;
import dev.syngen.server.application.target.TargetSpec;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Map;

/** A target as the API shows it: the DSN redacted, secret-looking option values hidden. */
@JsonbPropertyOrder({
  "id",
  "name",
  "kind",
  "dsn",
  "schema",
  "Map<String",
  "options",
  "source",
  "createdAt",
  "updatedAt"
})
public record TargetView(
    String id,
    String name,
    String kind,
    String dsn,
    String schema,
    Map<String, String> options,
    String source,
    Instant createdAt,
    Instant updatedAt) {
  public static TargetView of(StoredTarget t) {
    TargetSpec s = t.spec();
    Map<String, String> options = Redactor.options(s.options());
    return new TargetView(
        s.id(),
        s.name() == null ? s.id() : s.name(),
        s.kind(),
        DsnDisplay.redact(s.dsn()),
        s.schema(),
        options,
        t.source(),
        t.createdAt(),
        t.updatedAt());
  }
}
