package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same bad values sent to {@code POST /runs/plan}, {@code POST /generate} and the WebSocket
 * stream come back as the same problem document: status 422, the same {@code urn:syngen:problem}
 * type, the same paths and messages. ({@code OneRequestBoundaryTest} adds the command line and the
 * console's form.)
 */
class OneRequestBoundaryIT {
  private static final String BAD = "\"seed\": \"abc\", \"as_of\": \"2026-13-45\"";
  private static final List<String> EXPECTED =
      List.of(
          "seed: 'abc' is not a whole number",
          "as_of: '2026-13-45' is not an ISO-8601 instant in the years 1 to 9999");

  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  @Test
  void theRunsApiTheHttpStreamAndTheWebSocketAnswerTheSameProblems() throws Exception {
    Api.Reply runs =
        api.admin("POST", "api/v1/runs/plan", "{\"scenario_id\": \"iot-demo\", " + BAD + "}");
    String stream = "\"scenario_id\": \"iot-demo\", \"entity\": \"devices\", \"count\": 5, " + BAD;
    HttpResponse<String> generate =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(ItServer.baseUrl().resolve("api/v1/generate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{" + stream + "}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode socket = overTheSocket("{\"type\": \"generate\", " + stream + "}");

    for (JsonNode problem : List.of(runs.json(), Api.JSON.readTree(generate.body()), socket)) {
      assertEquals(422, problem.path("status").asInt(), problem.toString());
      assertEquals(EXPECTED, problems(problem), problem.toString());
      assertEquals(
          "2 problems, first: " + EXPECTED.get(0) + " (fix: write a whole number, e.g. 42)",
          problem.path("detail").asText());
    }
    assertEquals("urn:syngen:problem:validation", runs.json().path("type").asText());
    assertEquals(
        "urn:syngen:problem:validation", Api.JSON.readTree(generate.body()).path("type").asText());
  }

  private static List<String> problems(JsonNode document) {
    List<String> out = new ArrayList<>();
    document
        .path("errors")
        .forEach(e -> out.add(e.path("path").asText() + ": " + e.path("message").asText()));
    return out;
  }

  /** The first message the stream endpoint answers {@code message} with. */
  private static JsonNode overTheSocket(String message) throws Exception {
    CompletableFuture<String> answer = new CompletableFuture<>();
    StringBuilder partial = new StringBuilder();
    URI http = ItServer.baseUrl();
    URI uri = URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/api/v1/stream");
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      answer.complete(partial.toString());
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(30, TimeUnit.SECONDS);
    ws.sendText(message, true).get(30, TimeUnit.SECONDS);
    JsonNode reply = Api.JSON.readTree(answer.get(60, TimeUnit.SECONDS));
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
    assertEquals("error", reply.path("type").asText(), reply.toString());
    return reply;
  }
}
