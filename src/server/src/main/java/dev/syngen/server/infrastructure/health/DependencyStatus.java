package dev.syngen.server.infrastructure.health;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.Targets;
import dev.syngen.io.probe.DependencyProbe;
import dev.syngen.io.probe.ProbeResult;
import dev.syngen.server.application.target.StoredTarget;
import dev.syngen.server.application.target.TargetResolver;
import dev.syngen.server.infrastructure.persistence.JpaTargetStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The state of everything the server depends on. Readiness ({@link #current()}) covers what this
 * pod needs to serve: the run-history database, the embedded messaging engine when one is
 * configured, and the targets an operator marks required ({@code syngen.health.targets}, none by
 * default). The reachability of every target ({@link #targets()}) is reported apart, for the
 * dashboard, {@code GET /api/v1/targets/status} and metrics. Probes run in parallel, each bounded
 * by a short timeout, and a result is reused for a few seconds, so frequent probes never hammer a
 * database or broker.
 */
@ApplicationScoped
public class DependencyStatus {
  /** The name of the run-history database's check. */
  public static final String HISTORY = "history-database";

  /** The name of the embedded messaging engine's check. */
  public static final String MESSAGING = "messaging-engine";

  @Inject HistoryDatabaseProbe history;
  @Inject MessagingEngineProbe messaging;
  @Inject JpaTargetStore store;
  @Inject TargetResolver resolver;
  @Inject Targets targets;
  @Inject Event<TargetsProbed> probed;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "syngen.health.targets", defaultValue = "none")
  String required;

  @Inject
  @ConfigProperty(name = "syngen.health.timeout-ms", defaultValue = "1000")
  int timeoutMs;

  @Inject
  @ConfigProperty(name = "syngen.health.cache-seconds", defaultValue = "5")
  int cacheSeconds;

  @Inject
  @ConfigProperty(name = "syngen.db.kind", defaultValue = "derby")
  String dbKind;

  private final ProbeCache readiness = new ProbeCache();
  private final ProbeCache reachability = new ProbeCache();
  private final AtomicReference<List<Dependency>> published = new AtomicReference<>();

  /**
   * What readiness counts: the history database first, the messaging engine when configured, then
   * every required target by id; at most cache-seconds old.
   */
  public List<Dependency> current() {
    return readiness.get(cacheNanos(), () -> probe(true, new RequiredTargets(required)::watches));
  }

  /** The reachability of every target by id, required or not; at most cache-seconds old. */
  public List<Dependency> targets() {
    List<Dependency> found = reachability.get(cacheNanos(), () -> probe(false, id -> true));
    List<Dependency> before = published.get();
    if (before != found && published.compareAndSet(before, found)) {
      probed.fire(new TargetsProbed(found)); // outside the cache's lock: observers may read back
    }
    return found;
  }

  /** For a dashboard: what readiness counts that is not a target, then every target. */
  public List<Dependency> overview() {
    List<Dependency> out = new ArrayList<>();
    current().stream()
        .filter(d -> !d.name().startsWith(Dependency.TARGET_PREFIX))
        .forEach(out::add);
    out.addAll(targets());
    return List.copyOf(out);
  }

  /** Whether readiness counts the target with this id. */
  public boolean required(String targetId) {
    return new RequiredTargets(required).watches(targetId);
  }

  private long cacheNanos() {
    return Duration.ofSeconds(cacheSeconds).toNanos();
  }

  private List<Dependency> probe(boolean server, Predicate<String> targetFilter) {
    List<String> names = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<CompletableFuture<Dependency>> probes = new ArrayList<>();
    if (server) {
      names.add(HISTORY);
      kinds.add(dbKind);
      probes.add(async(this::probeHistory));
      if (messaging.configured()) {
        names.add(MESSAGING);
        kinds.add("jms");
        probes.add(async(this::probeMessaging));
      }
    }
    long deadline = System.nanoTime() + Duration.ofMillis(timeoutMs * 2L + 500).toNanos();
    for (StoredTarget t : storedTargets(targetFilter, deadline)) {
      names.add(Dependency.TARGET_PREFIX + t.spec().id());
      kinds.add(t.spec().kind());
      probes.add(async(() -> probeTarget(t)));
    }
    List<Dependency> out = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      out.add(await(probes.get(i), deadline, names.get(i), kinds.get(i)));
    }
    return List.copyOf(out);
  }

  /**
   * The stored targets the filter keeps, read from the history database within the probes'
   * deadline: when that database is away, reading could wait much longer than a probe may take.
   */
  private List<StoredTarget> storedTargets(Predicate<String> filter, long deadline) {
    CompletableFuture<List<StoredTarget>> list =
        CompletableFuture.supplyAsync(
            () -> store.list().stream().filter(t -> filter.test(t.spec().id())).toList(), executor);
    try {
      return list.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      list.cancel(true);
      return List.of(); // the history database is down or slow: its own check says so
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private CompletableFuture<Dependency> async(Supplier<Dependency> probe) {
    return CompletableFuture.supplyAsync(probe, executor);
  }

  private Dependency probeHistory() {
    long t0 = System.nanoTime();
    try {
      history.query(timeoutMs);
      return new Dependency(HISTORY, dbKind, true, "jdbc/syngen", millisSince(t0), null);
    } catch (RuntimeException e) {
      return new Dependency(HISTORY, dbKind, false, "jdbc/syngen", millisSince(t0), describe(e));
    }
  }

  private Dependency probeMessaging() {
    long t0 = System.nanoTime();
    String where = MessagingEngineProbe.FACTORY;
    try {
      messaging.connect();
      return new Dependency(MESSAGING, "jms", true, where, millisSince(t0), null);
    } catch (RuntimeException e) {
      return new Dependency(MESSAGING, "jms", false, where, millisSince(t0), describe(e));
    }
  }

  private Dependency probeTarget(StoredTarget t) {
    String name = Dependency.TARGET_PREFIX + t.spec().id();
    Problems problems = new Problems();
    TargetProfile p = resolver.resolve(t.spec(), "", problems);
    if (p == null) {
      return new Dependency(
          name,
          t.spec().kind(),
          false,
          "(invalid)",
          0,
          Redactor.text("invalid target: " + problems.list()));
    }
    ProbeResult r = new DependencyProbe(targets, Duration.ofMillis(timeoutMs)).probe(p);
    return new Dependency(name, p.kind(), r.up(), r.endpoint(), r.latencyMs(), r.error());
  }

  private Dependency await(
      CompletableFuture<Dependency> probe, long deadline, String name, String kind) {
    try {
      return probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      probe.cancel(true);
      return new Dependency(
          name, kind, false, "?", timeoutMs, "no answer within " + timeoutMs + " ms");
    } catch (ExecutionException e) {
      return new Dependency(name, kind, false, "?", 0, describe(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Dependency(name, kind, false, "?", 0, "interrupted");
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return Redactor.text(m);
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
