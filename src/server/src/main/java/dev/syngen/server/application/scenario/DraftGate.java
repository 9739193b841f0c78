package dev.syngen.server.application.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;

/**
 * How many drafts from databases may run at once: each samples every table it reads, so one at a
 * time keeps a server's connections and threads bounded; another request waits its turn (429).
 */
@ApplicationScoped
public class DraftGate {
  private final Semaphore slots = new Semaphore(1);

  public boolean enter() {
    return slots.tryAcquire();
  }

  public void leave() {
    slots.release();
  }
}
