package dev.syngen.server.interfaces.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.syngen.server.ItServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Schema-first generation through POST /api/v1/generate and the WebSocket stream. */
class SchemaGenerateIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String schema() throws Exception {
    try (InputStream in =
        SchemaGenerateIT.class.getResourceAsStream("/json-schema/order.schema.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void streamsRecordsThatValidateAgainstTheSchemaReproducibly() throws Exception {
    // dates are drawn before as_of, whose default is the request's second: fix it to compare
    String body =
        "{\"schema\":"
            + schema()
            + ",\"count\":2000,\"seed\":9,\"as_of\":\"2026-06-01T00:00:00Z\"}";
    HttpResponse<String> r = GenerateIT.post(body);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("X-Syngen-Config-Hash").isPresent());
    String[] lines = r.body().split("\n");
    assertEquals(2000, lines.length);
    JsonSchema validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(
                schema(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    for (String line : lines) {
      var errors = validator.validate(JSON.readTree(line));
      assertTrue(errors.isEmpty(), line + " " + errors);
    }
    assertEquals(r.body(), GenerateIT.post(body).body(), "same schema and seed, same records");
    assertNotEquals(r.body(), GenerateIT.post(body.replace("\"seed\":9", "\"seed\":10")).body());
  }

  @Test
  void unsupportedKeywordsAndMixedFormsGetProblemDocumentsWithPointers() throws Exception {
    HttpResponse<String> bad =
        GenerateIT.post(
            "{\"schema\":{\"type\":\"object\",\"properties\":{\"pet\":{\"oneOf\":["
                + "{\"type\":\"string\"},{\"type\":\"integer\"}]}}},\"count\":10}");
    assertEquals(422, bad.statusCode(), bad.body());
    JsonNode doc = JSON.readTree(bad.body());
    assertEquals("schema#/properties/pet/oneOf", doc.get("errors").get(0).get("path").asText());
    assertTrue(doc.get("errors").get(0).get("fix").asText().contains("keep one alternative"));
    HttpResponse<String> both =
        GenerateIT.post(
            "{\"schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}},"
                + "\"scenario_id\":\"iot-demo\",\"count\":10}");
    assertEquals(422, both.statusCode(), both.body());
    assertEquals("schema", JSON.readTree(both.body()).get("errors").get(0).get("path").asText());
    HttpResponse<String> tooMany =
        GenerateIT.post(
            "{\"schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}},"
                + "\"count\":999999999999}");
    assertEquals(422, tooMany.statusCode(), tooMany.body());
    assertEquals("count", JSON.readTree(tooMany.body()).get("errors").get(0).get("path").asText());
  }

  @Test
  void theWebSocketGeneratesFromASchemaToo() throws Exception {
    LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    StringBuilder partial = new StringBuilder();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              try {
                messages.add(JSON.readTree(partial.toString()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              partial.setLength(0);
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
          }
        };
    URI http = ItServer.baseUrl();
    URI uri = URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/api/v1/stream");
    WebSocket ws =
        ItServer.CLIENT.newWebSocketBuilder().buildAsync(uri, listener).get(30, TimeUnit.SECONDS);
    ws.sendText("{\"type\":\"generate\",\"schema\":" + schema() + ",\"count\":50,\"seed\":9}", true)
        .get();
    String[] http50 =
        GenerateIT.post("{\"schema\":" + schema() + ",\"count\":50,\"seed\":9}").body().split("\n");
    int i = 0;
    JsonNode m;
    while ((m = messages.poll(60, TimeUnit.SECONDS)).get("type").asText().equals("data")) {
      assertEquals(JSON.readTree(http50[i]), m.get("record"), "record " + i);
      i++;
    }
    assertEquals("complete", m.get("type").asText(), m.toString());
    assertEquals(50, i);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
  }

  @Test
  void aCatalogueScenarioReadsItsSchemaFileAndARequestCannotNameOne() throws Exception {
    // the server's scenario directory is the project's: files of this test's own, removed after
    String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
    java.nio.file.Path scenarios =
        java.nio.file.Path.of(System.getProperty("syngen.it.output.dir", "out"))
            .getParent()
            .resolve("scenarios");
    java.nio.file.Path schemaDir = scenarios.resolve("it-schemas-" + tag);
    java.nio.file.Path good = scenarios.resolve("it-schema-file-" + tag + ".yaml");
    java.nio.file.Path bad = scenarios.resolve("it-schema-escape-" + tag + ".yaml");
    String scenario =
        "id: %s\nname: n\nentities:\n  - name: order\n    rows: 5\n    schema_file: %s\n";
    try {
      java.nio.file.Files.createDirectories(schemaDir);
      java.nio.file.Files.writeString(schemaDir.resolve("order.json"), schema());
      java.nio.file.Files.writeString(
          good, scenario.formatted("it-schema-file-" + tag, "it-schemas-" + tag + "/order.json"));
      java.nio.file.Files.writeString(
          bad, scenario.formatted("it-schema-escape-" + tag, "../pom.xml"));

      HttpResponse<String> r =
          GenerateIT.post(
              "{\"scenario_id\":\"it-schema-file-" + tag + "\",\"count\":20,\"seed\":9}");
      assertEquals(200, r.statusCode(), r.body());
      String[] lines = r.body().split("\n");
      assertEquals(20, lines.length);
      assertTrue(JSON.readTree(lines[0]).has("orderId"), lines[0]);

      HttpResponse<String> escape =
          GenerateIT.post(
              "{\"scenario_id\":\"it-schema-escape-" + tag + "\",\"count\":1,\"seed\":9}");
      assertEquals(404, escape.statusCode(), escape.body());
      assertTrue(escape.body().contains("is invalid"), escape.body());

      HttpResponse<String> inline =
          GenerateIT.post(
              "{\"scenario\":{\"id\":\"s\",\"name\":\"s\",\"entities\":[{\"name\":\"order\","
                  + "\"rows\":1,\"schema_file\":\"it-schemas-"
                  + tag
                  + "/order.json\"}]},\"count\":1}");
      assertEquals(422, inline.statusCode(), inline.body());
      assertTrue(inline.body().contains("entities[0].schema_file"), inline.body());
      assertTrue(inline.body().contains("give the schema inline"), inline.body());
    } finally {
      java.nio.file.Files.deleteIfExists(good);
      java.nio.file.Files.deleteIfExists(bad);
      java.nio.file.Files.deleteIfExists(schemaDir.resolve("order.json"));
      java.nio.file.Files.deleteIfExists(schemaDir);
    }
  }
}
