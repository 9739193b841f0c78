package dev.syngen.server.application.indexgate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The server's memory of index gates: the newest {@link #KEEP} reports (a gate's baselines and
 * report are also worth keeping as files: the CLI writes them), and the permit that lets one gate
 * run at a time, since each one loads the database it measures.
 */
@ApplicationScoped
public class GateReports {
  /** How many reports the server keeps. */
  public static final int KEEP = 20;

  private final Deque<StoredGate> reports = new ArrayDeque<>();
  private final Semaphore running = new Semaphore(1);

  public synchronized void add(StoredGate g) {
    reports.addFirst(g);
    while (reports.size() > KEEP) {
      reports.removeLast();
    }
  }

  public synchronized Optional<StoredGate> find(String id) {
    return reports.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  public synchronized List<StoredGate> recent() {
    return List.copyOf(reports);
  }

  /** Takes the one permit; false when a gate is running. */
  public boolean tryStart() {
    return running.tryAcquire();
  }

  public void finished() {
    running.release();
  }
}
