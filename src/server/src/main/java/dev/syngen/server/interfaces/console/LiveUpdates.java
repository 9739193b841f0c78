package dev.syngen.server.interfaces.console;

import dev.syngen.server.interfaces.view.EntityView;
import dev.syngen.server.interfaces.view.RunView;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes the state of active runs to every open console socket once a second: one read of the
 * history per tick, however many browsers watch. A socket may also watch one run by id, which it
 * then receives even after the run finished. Ticks run from application start, sockets or not, so
 * the charts' recent history and each run's last progress are known when a page opens; the first
 * message to a socket carries that history.
 */
@ApplicationScoped
public class LiveUpdates {
  private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());
  static final String WATCH = "syngen.watch";
  private static final String HISTORY_SENT = "syngen.history-sent";

  /** Chart samples kept: five minutes at one a second. */
  static final int HISTORY_SAMPLES = 300;

  @Inject ConsoleFacade facade;
  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
  private final ThroughputHistory history = new ThroughputHistory(HISTORY_SAMPLES);
  private final ProgressWatch progress = new ProgressWatch();
  private final JvmResources jvm = new JvmResources();
  private ScheduledFuture<?> ticker;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    startTicking();
  }

  private synchronized void startTicking() {
    if (ticker == null) {
      ticker = scheduler.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    }
  }

  void join(Session s) {
    sessions.add(s);
    startTicking();
  }

  void leave(Session s) {
    sessions.remove(s);
  }

  /** What makes the last minute look memory-bound, or null (see {@link ThroughputHistory}). */
  public String memoryBound() {
    return history.memoryBound(60);
  }

  /** How long run {@code id}'s rows have not moved, as seen by the ticks. */
  public Duration stalled(String id) {
    return progress.stalled(id, clock.instant());
  }

  @PreDestroy
  synchronized void stop() {
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  void tick() {
    try {
      List<RunView> active = facade.active();
      Instant now = clock.instant();
      active.forEach(r -> progress.observe(r.id(), r.progressRowsGenerated(), now));
      progress.retain(active.stream().map(RunView::id).toList());
      double rate =
          active.stream()
              .filter(r -> r.rowsPerSecond() != null && "running".equals(r.status()))
              .mapToDouble(RunView::rowsPerSecond)
              .sum();
      List<RunView> recent = facade.recent(20);
      long failed = recent.stream().filter(r -> "failed".equals(r.status())).count();
      double errorRate = recent.isEmpty() ? 0 : (double) failed / recent.size();
      ThroughputHistory.Sample sample =
          new ThroughputHistory.Sample(now.toEpochMilli(), rate, errorRate, jvm.read());
      history.add(sample);
      if (sessions.isEmpty()) {
        return; // the history and the stall watch go on; the counts only matter to a dashboard
      }
      SystemState system = facade.system(0);
      JsonArrayBuilder runs = Json.createArrayBuilder();
      active.forEach(r -> runs.add(json(r)));
      JsonObjectBuilder base =
          ThroughputHistory.json(sample)
              .add("queued", system.queued())
              .add("running", system.running())
              .add("databaseUp", system.databaseUp())
              .add("active", runs);
      String common = base.build().toString();
      for (Session s : sessions) {
        send(s, common);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "console live update failed: " + e);
    }
  }

  private void send(Session s, String common) {
    if (!s.isOpen()) {
      leave(s);
      return;
    }
    String message = common;
    if (s.getUserProperties().putIfAbsent(HISTORY_SENT, Boolean.TRUE) == null) {
      message =
          common.substring(0, common.length() - 1)
              + ",\"history\":"
              + history.json().build().toString()
              + "}";
    }
    Object watched = s.getUserProperties().get(WATCH);
    if (watched instanceof String id) {
      try {
        String run = json(facade.run(id)).build().toString();
        message = message.substring(0, message.length() - 1) + ",\"watched\":" + run + "}";
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "cannot read watched run " + id, e);
      }
    }
    try {
      synchronized (s) {
        s.getBasicRemote().sendText(message);
      }
    } catch (IOException | IllegalStateException e) {
      leave(s);
    }
  }

  static JsonObjectBuilder json(RunView r) {
    long total = r.progressRowsTotal();
    int percent = total <= 0 ? 0 : (int) Math.min(100, r.progressRowsGenerated() * 100 / total);
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", r.id())
            .add("status", r.status())
            .add("scenario", r.scenarioId() == null ? "" : r.scenarioId())
            .add("target", r.targetId() == null ? "" : r.targetId())
            .add("rows", r.progressRowsGenerated())
            .add("total", total)
            .add("percent", percent)
            .add("entitiesDone", r.progressEntitiesDone())
            .add("entitiesTotal", r.progressEntitiesTotal())
            .add("current", r.progressCurrentEntity() == null ? "" : r.progressCurrentEntity())
            .add("error", r.error() == null ? "" : r.error())
            .add("startedAt", r.startedAt() == null ? "" : r.startedAt().toString())
            .add("finishedAt", r.finishedAt() == null ? "" : r.finishedAt().toString());
    if (r.rowsPerSecond() == null) {
      b.addNull("rowsPerSecond");
    } else {
      b.add("rowsPerSecond", r.rowsPerSecond());
    }
    if (r.etaSeconds() == null) {
      b.addNull("etaSeconds");
    } else {
      b.add("etaSeconds", r.etaSeconds());
    }
    JsonArrayBuilder entities = Json.createArrayBuilder();
    r.entities().forEach(e -> entities.add(entity(e)));
    return b.add("entities", entities);
  }

  /** One row of the run page's entity table, with every column a reload would show. */
  private static JsonObjectBuilder entity(EntityView e) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("entity", e.entity())
            .add("written", e.rowsWritten())
            .add("planned", e.rowsPlanned())
            .add("durationMs", e.durationMs());
    return e.rowsPerSecond() == null
        ? b.addNull("rowsPerSecond")
        : b.add("rowsPerSecond", e.rowsPerSecond());
  }
}
