package dev.syngen.io.brokers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-test HTTP receiver on a fixed port: keeps each POST's headers and body, drops batches whose
 * Idempotency-Key it has seen, and can be told to fail the next requests or be stopped and started.
 */
public final class HttpReceiver implements AutoCloseable {
  /** One accepted request. */
  public record Request(Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final int port = FreePort.find();
  private final List<Request> accepted = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> seenKeys = ConcurrentHashMap.newKeySet();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean discardBodies;
  private HttpServer server;
  private java.util.concurrent.ExecutorService pool;

  public String url() {
    return "http://127.0.0.1:" + port + "/ingest";
  }

  public HttpReceiver start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/ingest", this::handle);
    server.start();
    return this;
  }

  public void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
      pool.shutdownNow();
    }
  }

  /** The next {@code n} requests get 503. */
  public void failNext(int n) {
    failNext.set(n);
  }

  /** Counts records without keeping bodies (benchmarks). */
  public HttpReceiver discardBodies() {
    discardBodies = true;
    return this;
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readAllBytes();
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        ex.sendResponseHeaders(503, -1);
        return;
      }
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      if (key != null && !seenKeys.add(key)) {
        duplicates.incrementAndGet();
      } else {
        accepted.add(
            new Request(Map.copyOf(ex.getRequestHeaders()), discardBodies ? new byte[0] : body));
      }
      ex.sendResponseHeaders(204, -1);
    } finally {
      ex.close();
    }
  }

  public List<Request> accepted() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  public int duplicates() {
    return duplicates.get();
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    stop();
  }
}
