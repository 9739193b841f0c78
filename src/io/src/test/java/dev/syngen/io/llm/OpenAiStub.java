package dev.syngen.io.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat completions server for tests, on 127.0.0.1 and a free port: {@code POST
 * /v1/chat/completions} answers in OpenAI's documented shape (choices[0].message.content, model,
 * usage.prompt_tokens/completion_tokens) with a text that is a pure function of the model, prompt
 * and seed. Scripted failures ({@link #failNext}) answer first, {@link #failAlways} makes every
 * request fail; every request is recorded with its arrival time and Authorization header.
 */
public final class OpenAiStub implements AutoCloseable {
  /** One request as the stub saw it. */
  public record Seen(long nanos, String authorization, JsonNode body) {}

  /** A scripted failure: the status and the Retry-After header to send (null for none). */
  public record Failure(int status, String retryAfter) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: ~50 ms each
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Deque<Failure> script = new ConcurrentLinkedDeque<>();
  private final String name;
  private volatile int failAlways;
  private volatile long latencyMillis;

  public OpenAiStub(String name) throws IOException {
    this.name = name;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL a provider profile names ({@code http://127.0.0.1:port/v1}). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public void failNext(int status, String retryAfter) {
    script.add(new Failure(status, retryAfter));
  }

  public void failAlways(int status) {
    failAlways = status;
  }

  public void latency(long millis) {
    latencyMillis = millis;
  }

  public List<Seen> seen() {
    return new ArrayList<>(seen);
  }

  public int requests() {
    return seen.size();
  }

  /** The text the stub answers for a request: a pure function of its model, prompt and seed. */
  public static String answerFor(String stubName, String model, String prompt, long seed) {
    return stubName
        + " says ("
        + model
        + ", seed "
        + seed
        + "): "
        + Integer.toHexString((prompt + seed).hashCode())
        + " about "
        + prompt;
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] in = x.getRequestBody().readAllBytes();
      if (!"POST".equals(x.getRequestMethod())) {
        send(x, 405, "{\"error\":{\"message\":\"POST only\"}}");
        return;
      }
      JsonNode body = JSON.readTree(in);
      seen.add(new Seen(System.nanoTime(), x.getRequestHeaders().getFirst("Authorization"), body));
      if (latencyMillis > 0) {
        Thread.sleep(latencyMillis);
      }
      Failure f = script.poll();
      if (f == null && failAlways != 0) {
        f = new Failure(failAlways, null);
      }
      if (f != null) {
        if (f.retryAfter() != null) {
          x.getResponseHeaders().add("Retry-After", f.retryAfter());
        }
        // like OpenAI's 401, which quotes the key it was given
        String quoted =
            f.status() == 401
                ? " Incorrect API key provided: " + x.getRequestHeaders().getFirst("Authorization")
                : "";
        send(
            x,
            f.status(),
            JSON.createObjectNode()
                .set(
                    "error",
                    JSON.createObjectNode()
                        .put("message", "scripted failure " + f.status() + quoted))
                .toString());
        return;
      }
      String prompt = "";
      for (JsonNode m : body.path("messages")) {
        if ("user".equals(m.path("role").asText())) {
          prompt = m.path("content").asText();
        }
      }
      String model = body.path("model").asText();
      ObjectNode o = JSON.createObjectNode();
      o.put("id", "chatcmpl-" + seen.size());
      o.put("object", "chat.completion");
      o.put("created", 1_700_000_000L);
      o.put("model", model);
      ObjectNode choice = o.putArray("choices").addObject();
      choice.put("index", 0);
      choice
          .putObject("message")
          .put("role", "assistant")
          .put("content", answerFor(name, model, prompt, body.path("seed").asLong()));
      choice.put("finish_reason", "stop");
      ObjectNode usage = o.putObject("usage");
      usage.put("prompt_tokens", 10 + prompt.length() / 4);
      usage.put("completion_tokens", 20);
      usage.put("total_tokens", 30 + prompt.length() / 4);
      send(x, 200, o.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange x, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, b.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
