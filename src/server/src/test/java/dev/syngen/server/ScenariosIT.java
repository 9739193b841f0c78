package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scenario catalogue and validation against the running server, through a typed client of the
 * scenario resource ({@link ApiClients}).
 */
class ScenariosIT {
  /** GET /api/v1/scenarios, GET /api/v1/scenarios/{id} and POST /api/v1/scenarios/validate. */
  @Produces(MediaType.APPLICATION_JSON)
  @Path("api/v1/scenarios")
  interface Scenarios {
    @GET
    Response list();

    @GET
    @Path("{id}")
    JsonNode show(@PathParam("id") String id);

    @POST
    @Path("validate")
    @Consumes("application/yaml")
    Response validateYaml(String document);

    @POST
    @Path("validate")
    @Consumes("text/yaml")
    Response validateTextYaml(String document);

    @POST
    @Path("validate")
    @Consumes("application/json")
    Response validateJson(String document);
  }

  private static Api api;
  private static Scenarios viewer;
  private static Scenarios anonymous;

  @BeforeAll
  static void server() {
    api = Api.itServer();
    viewer = ApiClients.viewer(Scenarios.class);
    anonymous = ApiClients.anonymous(Scenarios.class);
  }

  @Test
  void listsTheProjectScenariosAsValid() {
    Response r = viewer.list();

    assertEquals(200, r.getStatus(), r.toString());
    List<String> ids = new ArrayList<>();
    for (JsonNode s : r.readEntity(JsonNode.class)) {
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
    JsonNode s = viewer.show("finance-demo");

    assertEquals("finance-demo", s.path("id").asText());
    assertEquals("finance-demo.yaml", s.path("file").asText());
    assertTrue(s.path("document").asText().contains("entities:"), s.toString());
    assertEquals(1000, s.path("entities").get(0).path("rows").asLong());
  }

  /** Raw paths on purpose: a typed client would encode the percent signs these ids are made of. */
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
    Response r = anonymous.validateYaml(yaml);

    assertEquals(200, r.getStatus(), r.toString());
    JsonNode v = r.readEntity(JsonNode.class);
    assertFalse(v.path("valid").asBoolean(), v.toString());
    List<String> paths = new ArrayList<>();
    v.path("errors").forEach(e -> paths.add(e.path("path").asText()));
    assertTrue(paths.contains("entities[0].rows"), paths.toString());
    assertTrue(paths.contains("entities[0].columns[0].generator.type"), paths.toString());
    assertTrue(paths.contains("entities[1].columns[0].generator.params.entity"), paths.toString());
    assertTrue(v.path("errors").get(0).path("fix").asText().length() > 0, v.toString());
  }

  @Test
  void validatingShapeProblemsAndMalformedYaml() throws IOException {
    JsonNode shape =
        anonymous
            .validateJson(
                "{\"name\":\"x\",\"entities\":[{\"name\":\"a\",\"rows\":1,\"colour\":\"red\","
                    + "\"columns\":[{\"name\":\"c\",\"type\":\"int\",\"generator\":\"uuid4\"}]}]}")
            .readEntity(JsonNode.class);
    assertTrue(shape.path("errors").toString().contains("entities[0].colour"), shape.toString());

    Response malformed = anonymous.validateTextYaml("a: [1,\n b");
    String body = malformed.readEntity(String.class);
    assertEquals(200, malformed.getStatus(), body);
    assertFalse(Api.JSON.readTree(body).path("valid").asBoolean());
    assertTrue(body.contains("line"), body);
  }

  @Test
  void aValidJsonScenarioCompiles() {
    String json =
        "{\"id\":\"ok\",\"name\":\"ok\",\"entities\":[{\"name\":\"a\",\"rows\":7,"
            + "\"columns\":[{\"name\":\"id\",\"type\":\"uuid\",\"generator\":{\"type\":\"uuid4\"}}]}]}";
    JsonNode v = anonymous.validateJson(json).readEntity(JsonNode.class);

    assertTrue(v.path("valid").asBoolean(), v.toString());
    assertEquals(7, v.path("total_rows").asLong());
    assertEquals("ok", v.path("scenario_id").asText());
  }

  @Test
  void anOversizedDocumentIsRefused() {
    String big = "# " + "x".repeat(3 * 1024 * 1024);
    Response r = anonymous.validateTextYaml(big);

    assertEquals(413, r.getStatus(), r.getStatus() + "");
    assertEquals("application/problem+json", r.getHeaderString("Content-Type").split(";")[0]);
  }
}
