package dev.syngen.server.application.stream;

import dev.syngen.server.application.error.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission for ad-hoc streams, which anyone may open: a bounded number run at once on the whole
 * server, each client address has its own smaller share and a request rate, and each stream has a
 * time limit. A refusal is a 429 (or 503 when the server is full) with Retry-After, so other
 * requests keep their threads and cores.
 */
@ApplicationScoped
public class StreamLimits {
  /** Client addresses remembered at most; older buckets are dropped when it is reached. */
  static final int MAX_CLIENTS = 10_000;

  @Inject
  @ConfigProperty(name = "syngen.generate.max-concurrent", defaultValue = "2")
  int maxConcurrent;

  @Inject
  @ConfigProperty(name = "syngen.generate.max-per-client", defaultValue = "2")
  int maxPerClient;

  @Inject
  @ConfigProperty(name = "syngen.generate.requests-per-minute", defaultValue = "120")
  int requestsPerMinute;

  @Inject
  @ConfigProperty(name = "syngen.generate.max-seconds", defaultValue = "300")
  int maxSeconds;

  private Semaphore slots;
  private final Map<String, Client> clients = new ConcurrentHashMap<>();

  /** What one client address is doing: streams open, and a token bucket of requests. */
  private static final class Client {
    int open;
    double tokens;
    long refilledNanos;

    Client(double tokens, long now) {
      this.tokens = tokens;
      this.refilledNanos = now;
    }
  }

  /** A stream admitted for a client; closing it gives its slot back. */
  public interface Admission extends AutoCloseable {
    /** Whether the stream has run longer than it may. */
    boolean expired();

    @Override
    void close();
  }

  @PostConstruct
  void init() {
    slots = new Semaphore(Math.max(1, maxConcurrent));
  }

  /** Spends one request of {@code client}'s rate, or throws a 429 with Retry-After. */
  public void checkRate(String client) {
    Client c = client(client);
    synchronized (c) {
      spend(c);
    }
  }

  /** Admits one stream for {@code client} or throws a 429/503 ApiException with Retry-After. */
  public Admission admit(String client) {
    Client c = client(client);
    synchronized (c) {
      spend(c);
      if (c.open >= maxPerClient) {
        throw ApiException.tooMany(
            c.open
                + " streams are open from this address, the most one client may have (setting"
                + " syngen.generate.max-per-client); wait for one to end or cancel it",
            5);
      }
      if (!slots.tryAcquire()) {
        throw new ApiException(
            503,
            "Service Unavailable",
            maxConcurrent
                + " streams are running, the most this server serves at once (setting"
                + " syngen.generate.max-concurrent); retry shortly",
            5);
      }
      c.open++;
    }
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    return new Admission() {
      private boolean closed;

      @Override
      public boolean expired() {
        return System.nanoTime() - deadline > 0;
      }

      @Override
      public void close() {
        synchronized (c) {
          if (closed) {
            return;
          }
          closed = true;
          c.open--;
        }
        slots.release();
      }
    };
  }

  private Client client(String address) {
    if (clients.size() >= MAX_CLIENTS) {
      clients.entrySet().removeIf(e -> e.getValue().open == 0);
    }
    return clients.computeIfAbsent(address, k -> new Client(requestsPerMinute, System.nanoTime()));
  }

  /** Refills {@code c}'s bucket for the time passed and takes one token (holding c's lock). */
  private void spend(Client c) {
    long now = System.nanoTime();
    double perNano = requestsPerMinute / 60e9;
    c.tokens = Math.min(requestsPerMinute, c.tokens + (now - c.refilledNanos) * perNano);
    c.refilledNanos = now;
    if (c.tokens < 1) {
      int wait = (int) Math.ceil((1 - c.tokens) / perNano / 1e9);
      throw ApiException.tooMany(
          "more than "
              + requestsPerMinute
              + " stream requests a minute from this address (setting"
              + " syngen.generate.requests-per-minute)",
          Math.max(1, wait));
    }
    c.tokens -= 1;
  }

  /** The time limit of one stream, for messages. */
  public int maxSeconds() {
    return maxSeconds;
  }
}
