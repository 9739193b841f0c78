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
  private final ExecutorService executor;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Deque<Failure> script = new ConcurrentLinkedDeque<>();
  private final String name;
  private volatile int failAlways;
  private volatile long latencyMillis;
  private volatile boolean refuseJsonSchema;
  private volatile boolean violateSchema;

  public OpenAiStub(String name) throws IOException {
    this(name, 0, 8);
  }

  /** A stub on {@code port} (0: a free one) answering with {@code threads} threads. */
  public OpenAiStub(String name, int port, int threads) throws IOException {
    this.name = name;
    this.executor = Executors.newFixedThreadPool(threads);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * The stub as a process, for the benchmarks in docs/benchmarks.md: {@code OpenAiStub PORT
   * LATENCY_MS [THREADS]}; prints its base URL and answers until killed.
   */
  public static void main(String[] args) throws Exception {
    OpenAiStub stub =
        new OpenAiStub(
            "stub", Integer.parseInt(args[0]), args.length > 2 ? Integer.parseInt(args[2]) : 64);
    stub.latency(Long.parseLong(args[1]));
    System.out.println(stub.baseUrl());
    Thread.currentThread().join();
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

  /** Answers 400 to response_format json_schema, as servers without structured outputs do. */
  public void refuseJsonSchema(boolean refuse) {
    refuseJsonSchema = refuse;
  }

  /** Answers structured requests with JSON that does not fit the schema they sent. */
  public void violateSchema(boolean violate) {
    violateSchema = violate;
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
      JsonNode format = body.path("response_format");
      String type = format.path("type").asText("");
      if (refuseJsonSchema && "json_schema".equals(type)) {
        send(x, 400, "{\"error\":{\"message\":\"response_format json_schema is not supported\"}}");
        return;
      }
      long seed = body.path("seed").asLong();
      String content =
          type.isEmpty()
              ? answerFor(name, model, prompt, seed)
              : structured(format.path("json_schema").path("schema"), model, prompt, seed);
      ObjectNode o = JSON.createObjectNode();
      o.put("id", "chatcmpl-" + seen.size());
      o.put("object", "chat.completion");
      o.put("created", 1_700_000_000L);
      o.put("model", model);
      ObjectNode choice = o.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", content);
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

  private static final java.util.regex.Pattern POOL_ASK =
      java.util.regex.Pattern.compile("Write (\\d+) different answers");

  /**
   * A structured answer: for a pool request ("Write N different answers"), {"values": [N values]};
   * otherwise one value fitting the schema (or, for json_object, a small object).
   */
  private String structured(JsonNode schema, String model, String prompt, long seed) {
    if (violateSchema) {
      return "{\"unexpected\": true, \"values\": 7}";
    }
    java.util.regex.Matcher m = POOL_ASK.matcher(prompt);
    if (m.find()) {
      int n = Integer.parseInt(m.group(1));
      JsonNode items = schema.path("properties").path("values").path("items");
      ObjectNode o = JSON.createObjectNode();
      com.fasterxml.jackson.databind.node.ArrayNode values = o.putArray("values");
      for (int i = 0; i < n; i++) {
        values.add(value(items, model, prompt + "#" + i, seed));
      }
      return o.toString();
    }
    return value(schema, model, prompt, seed).toString();
  }

  private JsonNode value(JsonNode schema, String model, String prompt, long seed) {
    if (schema.has("enum")) {
      return schema.get("enum").get((int) Math.floorMod(seed, schema.get("enum").size()));
    }
    // json_object requests carry no schema: plain text values, as a model asked for strings writes
    switch (schema.isMissingNode() ? "string" : schema.path("type").asText("object")) {
      case "string":
        return JSON.getNodeFactory().textNode(answerFor(name, model, prompt, seed));
      case "integer":
      case "number":
        long min = schema.path("minimum").asLong(0);
        long max = schema.path("maximum").asLong(min + 9);
        return JSON.getNodeFactory().numberNode(min + Math.floorMod(seed, max - min + 1));
      case "boolean":
        return JSON.getNodeFactory().booleanNode(seed % 2 == 0);
      default:
        ObjectNode o = JSON.createObjectNode();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(
                e ->
                    o.set(e.getKey(), value(e.getValue(), model, prompt + "." + e.getKey(), seed)));
        if (o.isEmpty()) {
          o.put("text", answerFor(name, model, prompt, seed));
        }
        return o;
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
