package dev.syngen.server.application.run;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Stops the runs this server executes when the application stops, before the persistence unit
 * closes, so a stopped run is recorded as cancelled with the rows it wrote and resumes exactly.
 */
@Singleton
@Startup
@DependsOn("HistorySchema")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunShutdown {
  @Inject RunLauncher launcher;

  @PreDestroy
  void stopRuns() {
    launcher.stopAll();
  }
}
