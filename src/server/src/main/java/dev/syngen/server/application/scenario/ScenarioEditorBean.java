package dev.syngen.server.application.scenario;

import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Saves a scenario from the console's editor: only a valid document, only under an id that names a
 * file directly in the scenarios directory and matches the document's own id, and a file of that
 * name is replaced only when the caller edits it; each save is in the audit log.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScenarioEditorBean implements ScenarioEditor {
  /** The largest document the editor saves, as the upload limit. */
  public static final int MAX_CHARS = 1 << 20;

  @Resource SessionContext session;
  @Inject ScenarioValidator validator;
  @Inject SyngenSettings settings;
  @Inject JpaAuditLog audit;
  @Inject RequestTrace trace;
  @Inject Clock clock;

  @Override
  @RolesAllowed("admin")
  public String save(String id, String document, boolean replace) {
    Path file = file(id);
    if (document == null || document.isBlank() || document.length() > MAX_CHARS) {
      throw unprocessable("the scenario must have between 1 and " + MAX_CHARS + " characters");
    }
    ScenarioCheck check = validator.check(document);
    if (!check.valid()) {
      throw unprocessable(
          check.errors().size() + " problem(s), the first: " + check.errors().get(0));
    }
    if (check.scenarioId() != null && !check.scenarioId().equals(id)) {
      throw unprocessable(
          "the document's id '" + check.scenarioId() + "' must be the scenario id '" + id + "'");
    }
    boolean existed = Files.exists(file);
    if (existed && !replace) {
      throw ApiException.conflict(
          "scenarios/" + file.getFileName() + " exists; choose another id or edit that scenario");
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, document, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write scenarios/" + file.getFileName(), e);
    }
    audit.append(
        new AuditEntry(
            clock.instant(),
            session.getCallerPrincipal().getName(),
            existed ? "scenario.update" : "scenario.create",
            "scenario:" + id,
            document.length() + " characters, " + check.plan().included().size() + " entities",
            trace.traceId()));
    return file.getFileName().toString();
  }

  private Path file(String id) {
    if (id == null || !ScenarioCatalog.ID.matcher(id).matches()) {
      throw unprocessable(
          "id '" + id + "' cannot name a scenario: letters, digits, '-' and '_', up to 64");
    }
    Path dir = settings.scenariosDir();
    Path file = dir.resolve(id + ".yaml").normalize();
    if (!dir.equals(file.getParent())) {
      throw unprocessable("the id must name a file in scenarios/");
    }
    return file;
  }

  private static ApiException unprocessable(String detail) {
    return new ApiException(422, "Unprocessable Content", detail);
  }
}
