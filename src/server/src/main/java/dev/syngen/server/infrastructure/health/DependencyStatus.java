package dev.syngen.server.infrastructure.health;

import dev.syngen.core.scenario.Problems;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The state of everything the server depends on: the run-history database and what each watched
 * target needs. Probes run in parallel, each bounded by a short timeout, and a result is reused for
 * a few seconds, so frequent readiness probes never hammer a database or broker. Readiness reports
 * these as named checks; the console can show the same list.
 */
@ApplicationScoped
public class DependencyStatus {
  /** The name of the run-history database's check. */
  public static final String HISTORY = "history-database";

  @Inject HistoryDatabaseProbe history;
  @Inject JpaTargetStore store;
  @Inject TargetResolver resolver;
  @Inject Targets targets;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "syngen.health.targets", defaultValue = "*")
  String watched;

  @Inject
  @ConfigProperty(name = "syngen.health.timeout-ms", defaultValue = "1000")
  int timeoutMs;

  @Inject
  @ConfigProperty(name = "syngen.health.cache-seconds", defaultValue = "5")
  int cacheSeconds;

  @Inject
  @ConfigProperty(name = "syngen.db.kind", defaultValue = "derby")
  String dbKind;

  private volatile Snapshot last;

  private record Snapshot(long takenNanos, List<Dependency> dependencies) {}

  /** The history database first, then every watched target by id; at most cache-seconds old. */
  public List<Dependency> current() {
    Snapshot s = last;
    if (s != null && System.nanoTime() - s.takenNanos() < cacheNanos()) {
      return s.dependencies();
    }
    synchronized (this) {
      s = last;
      if (s == null || System.nanoTime() - s.takenNanos() >= cacheNanos()) {
        s = new Snapshot(System.nanoTime(), probeAll());
        last = s;
      }
      return s.dependencies();
    }
  }

  private long cacheNanos() {
    return Duration.ofSeconds(cacheSeconds).toNanos();
  }

  private List<Dependency> probeAll() {
    List<String> names = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<CompletableFuture<Dependency>> probes = new ArrayList<>();
    names.add(HISTORY);
    kinds.add(dbKind);
    probes.add(async(this::probeHistory));
    for (StoredTarget t : watchedTargets()) {
      names.add("target:" + t.spec().id());
      kinds.add(t.spec().kind());
      probes.add(async(() -> probeTarget(t)));
    }
    long deadline = System.nanoTime() + Duration.ofMillis(timeoutMs * 2L + 500).toNanos();
    List<Dependency> out = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      out.add(await(probes.get(i), deadline, names.get(i), kinds.get(i)));
    }
    return List.copyOf(out);
  }

  private List<StoredTarget> watchedTargets() {
    WatchedTargets filter = new WatchedTargets(watched);
    try {
      return store.list().stream().filter(t -> filter.watches(t.spec().id())).toList();
    } catch (RuntimeException e) {
      return List.of(); // the history database is down: its own check says so
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

  private Dependency probeTarget(StoredTarget t) {
    String name = "target:" + t.spec().id();
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
