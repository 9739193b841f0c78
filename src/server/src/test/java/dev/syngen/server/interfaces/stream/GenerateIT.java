package dev.syngen.server.interfaces.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.server.ItServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  static HttpResponse<String> post(String body) throws Exception {
    return ItServer.CLIENT.send(request(body), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest request(String body) throws InterruptedException {
    return HttpRequest.newBuilder(ItServer.baseUrl().resolve("api/v1/generate"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  @Test
  void streamsExactlyCountRecordsAsNdjsonReproducibly() throws Exception {
    String body =
        "{\"scenario_id\":\"iot-demo\",\"entity\":\"telemetry\",\"count\":1000,\"seed\":5}";
    HttpResponse<String> a = post(body);
    assertEquals(200, a.statusCode(), a.body());
    assertTrue(
        a.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
    String[] lines = a.body().split("\n");
    assertEquals(1000, lines.length);
    JsonNode first = JSON.readTree(lines[0]);
    assertEquals(1, first.get("reading_id").asLong());
    assertTrue(first.get("device_id").asText().matches("[0-9a-f-]{36}"));
    assertEquals(a.body(), post(body).body(), "same request, same records");
    assertEquals(
        a.headers().firstValue("X-Syngen-Config-Hash"),
        post(body).headers().firstValue("X-Syngen-Config-Hash"));
    assertNotEquals(a.body(), post(body.replace("\"seed\":5", "\"seed\":6")).body());
  }

  @Test
  void acceptsASingleInlineEntity() throws Exception {
    String body =
        "{\"entity\":{\"name\":\"orders\",\"columns\":["
            + "{\"name\":\"order_no\",\"type\":\"string\",\"generator\":{\"type\":\"pattern\",\"params\":{\"pattern\":\"ORD-####\"}}},"
            + "{\"name\":\"amount\",\"type\":\"double\",\"generator\":{\"type\":\"uniform_float\",\"params\":{\"min\":1,\"max\":2}}}]},"
            + "\"count\":25}";
    HttpResponse<String> r = post(body);
    assertEquals(200, r.statusCode(), r.body());
    String[] lines = r.body().split("\n");
    assertEquals(25, lines.length);
    for (String line : lines) {
      JsonNode n = JSON.readTree(line);
      assertTrue(n.get("order_no").asText().matches("ORD-\\d{4}"), line);
      assertTrue(n.get("amount").asDouble() >= 1 && n.get("amount").asDouble() < 2, line);
    }
  }

  @Test
  void badRequestsGetProblemDetailsWithFieldPaths() throws Exception {
    HttpResponse<String> bad =
        post(
            "{\"scenario\":{\"name\":\"x\",\"entities\":[{\"name\":\"a\",\"rows\":1,\"columns\":["
                + "{\"name\":\"v\",\"type\":\"int\",\"generator\":{\"type\":\"uniform_int\",\"params\":{\"min\":5,\"max\":1}}}]}]},"
                + "\"count\":10,\"colour\":\"red\"}");
    assertEquals(422, bad.statusCode(), bad.body());
    assertTrue(
        bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonNode p = JSON.readTree(bad.body());
    assertEquals("urn:syngen:problem:validation", p.get("type").asText(), bad.body());
    assertEquals(422, p.get("status").asInt());
    List<String> paths = new ArrayList<>();
    p.get("errors").forEach(e -> paths.add(e.get("path").asText()));
    assertTrue(paths.contains("colour"), paths.toString());
    HttpResponse<String> compile =
        post(
            "{\"scenario\":{\"name\":\"x\",\"entities\":[{\"name\":\"a\",\"rows\":1,\"columns\":[{\"name\":\"v\",\"type\":\"int\",\"generator\":{\"type\":\"uniform_int\",\"params\":{\"min\":5,\"max\":1}}}]}]},\"count\":10}");
    assertEquals(422, compile.statusCode(), compile.body());
    assertTrue(
        compile.body().contains("entities[0].columns[0].generator.params.max"), compile.body());
    assertEquals(
        422,
        post("{\"scenario_id\":\"iot-demo\",\"entity\":\"telemetry\",\"count\":1000000000000}")
            .statusCode());
    assertEquals(
        422,
        post("{\"scenario_id\":\"iot-demo\",\"entity\":\"telemetry\",\"count\":0}").statusCode());
    HttpResponse<String> malformed = post("{\"scenario_id\": ");
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(
        "urn:syngen:problem:malformed-body", JSON.readTree(malformed.body()).get("type").asText());
    assertEquals(
        422,
        post("{\"scenario_id\":\"iot-demo\",\"count\":3}").statusCode(),
        "several entities: entity is required");
    assertEquals(404, post("{\"scenario_id\":\"no-such\",\"count\":3}").statusCode());
    assertEquals(422, post("{\"scenario_id\":\"../pom\",\"count\":3}").statusCode());
    HttpResponse<String> huge =
        post("{\"scenario_id\":\"" + "x".repeat(2_000_000) + "\",\"count\":1}");
    assertEquals(413, huge.statusCode());
  }

  /**
   * Ten million records (about 1.3 GB of NDJSON) stream through a server whose heap is 1 GB: the
   * first record arrives long before the last is generated, and nothing is buffered whole.
   */
  @Test
  void streamsMoreDataThanTheServerHeapInConstantMemory() throws Exception {
    long count = 10_000_000;
    HttpResponse<InputStream> r =
        ItServer.CLIENT.send(
            request(
                "{\"scenario_id\":\"iot-demo\",\"entity\":\"telemetry\",\"count\":" + count + "}"),
            HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    long lines = 0;
    long bytes = 0;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8), 1 << 16)) {
      String first = in.readLine();
      assertTrue(first.startsWith("{\"reading_id\":1,"), first);
      lines = 1;
      bytes = first.length() + 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines++;
        bytes += line.length() + 1;
      }
    }
    assertEquals(count, lines);
    assertTrue(bytes > 1_000_000_000L, "expected more than 1 GB, got " + bytes);
  }
}
