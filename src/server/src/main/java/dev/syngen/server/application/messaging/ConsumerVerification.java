package dev.syngen.server.application.messaging;

import dev.syngen.core.consumer.CompletenessLedger;
import dev.syngen.core.consumer.CompletenessLedger.Update;
import dev.syngen.core.consumer.ConsumerCheck;
import dev.syngen.server.infrastructure.persistence.JpaConsumerChecks;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The example consumer's use case: tally each received message of a run by (run, entity) and, at
 * the entity's end-of-entity message (and when a late record changes the verdict), store the check
 * on the run, write a run log line and count it in the metrics.
 */
@ApplicationScoped
public class ConsumerVerification {
  private static final Logger LOG = Logger.getLogger(ConsumerVerification.class.getName());

  @Inject
  @ConfigProperty(name = "syngen.consumer.max-entities", defaultValue = "16")
  int maxEntities;

  @Inject
  @ConfigProperty(name = "syngen.consumer.max-rows", defaultValue = "50000000")
  int maxRows;

  @Inject JpaConsumerChecks checks;
  @Inject JpaRunLog runLog;
  @Inject ConsumerMetrics metrics;
  @Inject Clock clock;

  private CompletenessLedger ledger;

  @PostConstruct
  void init() {
    ledger = new CompletenessLedger(maxEntities, maxRows);
  }

  public void receive(RunMessage m) {
    if (m.foreign()) {
      LOG.warning(
          "ignored a message without syngen's message-contract properties, or with a run id over "
              + RunMessage.MAX_RUN_ID
              + " or an entity name over "
              + RunMessage.MAX_ENTITY
              + " characters");
      return;
    }
    if (m.endOfEntity()) {
      Update u = ledger.end(m.runId(), m.entity(), m.rowCount());
      metrics.ended(u.check());
      report(u.check());
      return;
    }
    Update u = ledger.record(m.runId(), m.entity(), m.row());
    metrics.record(m.entity(), u.repeat());
    if (u.report()) {
      report(u.check());
    }
  }

  /** The checks stored for a run, by entity. */
  public List<ConsumerCheck> checksOf(String runId) {
    return checks.ofRun(runId);
  }

  private void report(ConsumerCheck c) {
    checks.save(c, clock.instant());
    runLog.append(c.runId(), c.complete() ? "INFO" : "WARN", c.entity(), describe(c), null);
  }

  static String describe(ConsumerCheck c) {
    String counts =
        c.received()
            + " of "
            + c.expected()
            + " rows received, "
            + c.missing()
            + " missing, "
            + c.duplicates()
            + " duplicated"
            + (c.unexpected() > 0
                ? ", " + c.unexpected() + " outside 0.." + (c.expected() - 1)
                : "")
            + (c.untracked() > 0 ? ", " + c.untracked() + " beyond the tally limit" : "");
    return "consumer check (jms queue): "
        + counts
        + (c.complete() ? " — complete, each row exactly once" : " — INCOMPLETE");
  }
}
