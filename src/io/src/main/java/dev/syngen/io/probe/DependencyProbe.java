package dev.syngen.io.probe;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes what a target needs, cheaply: a TCP connect to its database or broker (up when one of its
 * endpoints accepts within the timeout), or a writable directory for file and SQLite targets.
 * Targets whose DSN names no network endpoint (a JMS factory looked up by name) get the factory's
 * own connection test. {@code POST /targets/{id}/test} remains the deep check.
 */
public final class DependencyProbe {
  private final SinkFactory targets;
  private final Duration timeout;

  public DependencyProbe(SinkFactory targets, Duration timeout) {
    this.targets = targets;
    this.timeout = timeout;
  }

  public ProbeResult probe(TargetProfile p) {
    long t0 = System.nanoTime();
    try {
      if (Endpoints.isLocal(p)) {
        return directory(Endpoints.directory(p), t0);
      }
      List<Endpoint> endpoints = Endpoints.network(p);
      return endpoints.isEmpty() ? factoryTest(p, t0) : connect(endpoints, t0);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new ProbeResult(false, p.redactedDsn(), millisSince(t0), Redactor.text(why));
    }
  }

  private ProbeResult connect(List<Endpoint> endpoints, long t0) {
    List<String> failures = new ArrayList<>();
    long deadline = t0 + timeout.toNanos();
    for (Endpoint e : endpoints) {
      int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(e.host(), e.port()), left);
        return new ProbeResult(true, e.toString(), millisSince(t0), null);
      } catch (IOException | IllegalArgumentException ex) {
        failures.add(
            e + ": " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
      }
    }
    String all = String.join(", ", endpoints.stream().map(Endpoint::toString).toList());
    return new ProbeResult(
        false, all, millisSince(t0), "not reachable (" + String.join("; ", failures) + ")");
  }

  private static ProbeResult directory(Path dir, long t0) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    String where = dir.toString();
    if (existing == null || !Files.isDirectory(existing)) {
      return new ProbeResult(false, where, millisSince(t0), "no directory " + dir + " to write in");
    }
    if (!Files.isWritable(existing)) {
      return new ProbeResult(false, where, millisSince(t0), existing + " is not writable");
    }
    return new ProbeResult(true, where, millisSince(t0), null);
  }

  private ProbeResult factoryTest(TargetProfile p, long t0) {
    TargetTestResult r = targets.test(p);
    return new ProbeResult(r.ok(), p.redactedDsn(), millisSince(t0), r.ok() ? null : r.error());
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
