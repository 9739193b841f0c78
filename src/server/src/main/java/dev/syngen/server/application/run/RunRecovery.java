package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import dev.syngen.server.infrastructure.persistence.JpaRunRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start, marks runs left pending or running by a previous server process as failed
 * ("interrupted"), so their status is true and POST /runs/{id}/restart can resume them. Disable
 * with syngen.runs.recover-on-start=false when several servers share one history database; an
 * executor server (syngen.role=executor) never does it, since the dispatcher owns the runs.
 */
@Singleton
@Startup
@DependsOn("HistorySchema")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunRecovery {
  private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

  @Inject JpaRunRepository runs;
  @Inject JpaRunLog runLog;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "syngen.runs.recover-on-start", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "syngen.role", defaultValue = "standalone")
  String role;

  @PostConstruct
  void markInterrupted() {
    if (!enabled || role.equals("executor")) {
      return;
    }
    for (RunRecord r : runs.unfinished()) {
      String error =
          "interrupted: the server stopped while the run was "
              + r.status().label()
              + "; POST /api/v1/runs/"
              + r.id()
              + "/restart resumes it";
      runs.save(r.withStatus(RunStatus.FAILED, clock.instant(), error));
      runLog.append(r.id(), "WARN", null, error, null);
      LOG.warning("run " + r.id() + " " + error);
    }
  }
}
