package dev.syngen.server.application.profile;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;

/**
 * One profile at a time per server: each samples a table and clusters the sample, so one at a time
 * bounds the connections, memory and CPU it takes; another request waits its turn (429). A profile
 * that outlives its caller's time limit holds the slot until it ends, so none pile up.
 */
@ApplicationScoped
public class ProfileGate {
  private final Semaphore slots = new Semaphore(1);

  public boolean enter() {
    return slots.tryAcquire();
  }

  public void leave() {
    slots.release();
  }
}
