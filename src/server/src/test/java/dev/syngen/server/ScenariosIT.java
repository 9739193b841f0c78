package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scenario catalogue and validation against the running server. */
class ScenariosIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  @Test
  void listsTheProjectScenariosAsValid() {
    Api.Reply r = api.viewer("GET", "api/v1/scenarios", null);

    assertEquals(200, r.status(), r.toString());
    List<String> ids = new ArrayList<>();
    for (JsonNode s : r.json()) {
      ids.add(s.path("id").asText());
      if (s.path("id").asText().equals("iot-demo")) {
        assertTrue(s.path("valid").asBoolean(), s.toString());
        assertEquals(3, s.path("entities").size(), s.toString());
        assertTrue(s.path("document").isNull(), "the list leaves documents out: " + s);
      }
    }
    assertTrue(ids.containsAll(List.of("finance-demo", "iot-demo")), ids.toString());
  }

  @Test
  void showsOneScenarioWithItsDocument() {
    JsonNode s = api.viewer("GET", "api/v1/scenarios/finance-demo", null).json();

    assertEquals("finance-demo", s.path("id").asText());
    assertEquals("finance-demo.yaml", s.path("file").asText());
    assertTrue(s.path("document").asText().contains("entities:"), s.toString());
    assertEquals(1000, s.path("entities").get(0).path("rows").asLong());
  }

  @Test
  void unknownAndEscapingIdsAreNotFound() {
    for (String id :
        List.of("no-such-scenario", "..%2F..%2Fpom", "%2E%2E", "..%2Ftargets%2Flocal-csv")) {
      Api.Reply r = api.viewer("GET", "api/v1/scenarios/" + id, null);
      // an encoded slash is refused by the web container (400) before the application sees it
      assertTrue(r.status() == 404 || r.status() == 400, id + ": " + r);
      assertFalse(r.body().contains("<project"), r.body());
    }
  }

  @Test
  void validatingReportsEveryProblemWithItsPath() {
    String yaml =
        """
        id: broken
        name: Broken
        entities:
          - name: parents
            rows: -5
            columns:
              - {name: id, type: bigint, generator: {type: sequnce}}
          - name: children
            rows: 10
            columns:
              - {name: parent_id, type: bigint, generator: {type: fk, params: {entity: nobody, column: id}}}
        """;
    Api.Reply r =
        api.call("POST", "api/v1/scenarios/validate", "application/yaml", yaml, null, null);

    assertEquals(200, r.status(), r.toString());
    JsonNode v = r.json();
    assertFalse(v.path("valid").asBoolean(), v.toString());
    List<String> paths = new ArrayList<>();
    v.path("errors").forEach(e -> paths.add(e.path("path").asText()));
    assertTrue(paths.contains("entities[0].rows"), paths.toString());
    assertTrue(paths.contains("entities[0].columns[0].generator.type"), paths.toString());
    assertTrue(paths.contains("entities[1].columns[0].generator.params.entity"), paths.toString());
    assertTrue(v.path("errors").get(0).path("fix").asText().length() > 0, v.toString());
  }

  @Test
  void validatingShapeProblemsAndMalformedYaml() {
    Api.Reply shape =
        api.call(
            "POST",
            "api/v1/scenarios/validate",
            "application/json",
            "{\"name\":\"x\",\"entities\":[{\"name\":\"a\",\"rows\":1,\"colour\":\"red\","
                + "\"columns\":[{\"name\":\"c\",\"type\":\"int\",\"generator\":\"uuid4\"}]}]}",
            null,
            null);
    assertTrue(shape.json().path("errors").toString().contains("entities[0].colour"), shape.body());

    Api.Reply malformed =
        api.call("POST", "api/v1/scenarios/validate", "text/yaml", "a: [1,\n b", null, null);
    assertEquals(200, malformed.status(), malformed.toString());
    assertFalse(malformed.json().path("valid").asBoolean());
    assertTrue(malformed.body().contains("line"), malformed.body());
  }

  @Test
  void aValidJsonScenarioCompiles() {
    String json =
        "{\"id\":\"ok\",\"name\":\"ok\",\"entities\":[{\"name\":\"a\",\"rows\":7,"
            + "\"columns\":[{\"name\":\"id\",\"type\":\"uuid\",\"generator\":{\"type\":\"uuid4\"}}]}]}";
    JsonNode v =
        api.call("POST", "api/v1/scenarios/validate", "application/json", json, null, null).json();

    assertTrue(v.path("valid").asBoolean(), v.toString());
    assertEquals(7, v.path("total_rows").asLong());
    assertEquals("ok", v.path("scenario_id").asText());
  }

  @Test
  void anOversizedDocumentIsRefused() {
    String big = "# " + "x".repeat(3 * 1024 * 1024);
    Api.Reply r = api.call("POST", "api/v1/scenarios/validate", "text/yaml", big, null, null);

    assertEquals(413, r.status(), r.status() + "");
    assertEquals("application/problem+json", r.header("Content-Type").split(";")[0]);
  }
}
