package dev.syngen.server;

import static dev.syngen.server.ApiClients.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Target CRUD, connection tests, redaction, validation, authorisation and audit, through a typed
 * client of the target resource as admin, viewer and anonymous ({@link ApiClients}).
 */
class TargetsIT {
  /** The target resource and the audit log's query. */
  @Path("api/v1")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  interface Targets {
    @GET
    @Path("targets")
    Response list();

    @GET
    @Path("targets/{id}")
    Response show(@PathParam("id") String id);

    @POST
    @Path("targets")
    Response create(String target);

    @PUT
    @Path("targets/{id}")
    Response update(@PathParam("id") String id, String target);

    @DELETE
    @Path("targets/{id}")
    Response delete(@PathParam("id") String id);

    @POST
    @Path("targets/{id}/test")
    Response test(@PathParam("id") String id);

    @GET
    @Path("audit")
    Response audit(@QueryParam("subject") String subject, @QueryParam("limit") Integer limit);
  }

  private static Api api;
  private static Targets admin;
  private static Targets viewer;
  private static Targets anonymous;

  @BeforeAll
  static void server() {
    api = Api.itServer();
    admin = ApiClients.admin(Targets.class);
    viewer = ApiClients.viewer(Targets.class);
    anonymous = ApiClients.anonymous(Targets.class);
  }

  private static String newId() {
    return "it-t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void seededTargetsAreListedWithRedactedDsns() {
    JsonNode list = reply(viewer.list()).json();

    List<String> ids = new ArrayList<>();
    for (JsonNode t : list) {
      ids.add(t.path("id").asText());
      if (t.path("id").asText().equals("local-postgres")) {
        assertEquals("file", t.path("source").asText());
        assertTrue(t.path("dsn").asText().contains(":***@"), t.toString());
      }
    }
    assertTrue(ids.containsAll(List.of("local-csv", "local-sqlite", "local-postgres")), ids + "");
  }

  @Test
  void createShowUpdateDeleteIsAuditedWithTheActor() {
    String id = newId();
    Api.Reply created =
        reply(
            admin.create(
                "{\"id\":\""
                    + id
                    + "\",\"name\":\"first\",\"kind\":\"csv\",\"dsn\":\"out/it/"
                    + id
                    + "\"}"));
    assertEquals(201, created.status(), created.toString());
    assertTrue(created.header("Location").endsWith("/api/v1/targets/" + id), created.toString());
    assertEquals("api", created.json().path("source").asText());

    Api.Reply updated =
        reply(
            admin.update(
                id, "{\"name\":\"second\",\"kind\":\"ndjson\",\"dsn\":\"out/it/" + id + "\"}"));
    assertEquals(200, updated.status(), updated.toString());
    JsonNode shown = reply(viewer.show(id)).json();
    assertEquals("second", shown.path("name").asText());
    assertEquals("ndjson", shown.path("kind").asText());

    assertEquals(204, admin.delete(id).getStatus());
    assertEquals(404, viewer.show(id).getStatus());

    JsonNode audit = reply(admin.audit("target:" + id, null)).json();
    List<String> actions = new ArrayList<>();
    audit.forEach(
        a -> {
          actions.add(a.path("action").asText());
          assertEquals("admin", a.path("actor").asText(), a.toString());
        });
    assertEquals(List.of("target.delete", "target.update", "target.create"), actions);
  }

  @Test
  void passwordsNeverComeBack() {
    String id = newId();
    String body =
        "{\"id\":\""
            + id
            + "\",\"kind\":\"postgres\",\"schema\":\"s\","
            + "\"dsn\":\"postgres://postgres:hunter2secret@127.0.0.1:5432/test\","
            + "\"options\":{\"copy_format\":\"text\"}}";
    Api.Reply created = reply(admin.create(body));

    assertEquals(201, created.status(), created.toString());
    assertFalse(created.body().contains("hunter2secret"), created.body());
    assertFalse(reply(viewer.list()).body().contains("hunter2secret"));
    assertFalse(reply(admin.audit(null, 200)).body().contains("hunter2secret"));
    admin.delete(id);
  }

  @Test
  void aPutThatSendsTheMaskBackKeepsTheStoredPasswordAndAMaskWithNothingBehindItIsRefused() {
    String id = newId();
    Api.Reply created = reply(admin.create(postgres(id, "postgres:hunter2secret@127.0.0.1")));
    assertEquals(201, created.status(), created.toString());
    assertEquals(
        "postgres://postgres:***@127.0.0.1:5432/test",
        reply(viewer.show(id)).json().path("dsn").asText());

    Api.Reply kept = reply(admin.update(id, postgres(id, "postgres:***@localhost")));
    assertEquals(200, kept.status(), kept.toString());
    assertEquals("postgres://postgres:***@localhost:5432/test", kept.json().path("dsn").asText());
    assertFalse(reply(admin.audit("target:" + id, 10)).body().contains("hunter2secret"));

    Api.Reply dropped = reply(admin.update(id, postgres(id, "postgres@localhost")));
    assertEquals("postgres://postgres@localhost:5432/test", dropped.json().path("dsn").asText());
    Api.Reply refused = reply(admin.update(id, postgres(id, "postgres:***@localhost")));
    assertEquals(422, refused.status(), refused.toString());
    assertEquals(List.of("dsn"), paths(refused.json()));
    admin.delete(id);
  }

  private static String postgres(String id, String userAndHost) {
    return "{\"id\":\""
        + id
        + "\",\"kind\":\"postgres\",\"dsn\":\"postgres://"
        + userAndHost
        + ":5432/test\"}";
  }

  @Test
  void invalidTargetsGetEveryProblemWithItsPath() {
    Api.Reply r = reply(admin.create("{\"id\":\"bad one\",\"colour\":1,\"dsn\":\"x\"}"));
    assertEquals(422, r.status(), r.toString());
    List<String> paths = paths(r.json());
    assertTrue(paths.containsAll(List.of("colour", "id", "kind")), paths.toString());

    Api.Reply outside =
        reply(admin.create("{\"id\":\"" + newId() + "\",\"kind\":\"csv\",\"dsn\":\"/etc\"}"));
    assertEquals(422, outside.status(), outside.toString());
    assertEquals(List.of("dsn"), paths(outside.json()));
    assertTrue(outside.body().contains("outside"), outside.body());

    Api.Reply unknownKind =
        reply(admin.create("{\"id\":\"" + newId() + "\",\"kind\":\"mongo\",\"dsn\":\"x\"}"));
    assertEquals(List.of("kind"), paths(unknownKind.json()));
  }

  @Test
  void aTakenIdConflicts() {
    Api.Reply r = reply(admin.create("{\"id\":\"local-csv\",\"kind\":\"csv\",\"dsn\":\"out/x\"}"));
    assertEquals(409, r.status(), r.toString());
  }

  @Test
  void testingReportsCapabilitiesOrTheError() {
    String csv = api.createCsvTarget();
    JsonNode ok = reply(admin.test(csv)).json();
    assertTrue(ok.path("ok").asBoolean(), ok.toString());
    assertTrue(ok.path("capabilities").path("can_insert").asBoolean(), ok.toString());
    assertTrue(ok.has("latency_ms"), ok.toString());

    JsonNode pg = reply(admin.test("local-postgres")).json();
    assertTrue(pg.path("ok").asBoolean(), pg.toString());
    assertTrue(pg.path("server_version").asText().contains("PostgreSQL"), pg.toString());
    assertTrue(pg.path("capabilities").path("can_create").asBoolean(), pg.toString());
    assertTrue(pg.path("capabilities").path("can_truncate").asBoolean(), pg.toString());

    String down = newId();
    admin.create(
        "{\"id\":\""
            + down
            + "\",\"kind\":\"postgres\",\"dsn\":\"postgres://u:pw@127.0.0.1:1/x\"}");
    Api.Reply failed = reply(admin.test(down));
    assertEquals(200, failed.status(), failed.toString());
    assertFalse(failed.json().path("ok").asBoolean(), failed.toString());
    assertFalse(failed.json().path("error").asText().isBlank(), failed.toString());
  }

  @Test
  void changesNeedAnAdmin() {
    String body = "{\"id\":\"" + newId() + "\",\"kind\":\"csv\",\"dsn\":\"out/it/x\"}";
    Api.Reply refused = reply(anonymous.create(body));
    assertEquals(401, refused.status(), refused.toString());
    assertTrue(refused.header("WWW-Authenticate").startsWith("Basic"), refused.toString());
    assertEquals("Unauthorized", refused.json().path("title").asText());

    assertEquals(403, viewer.create(body).getStatus());
    assertEquals(403, viewer.delete("local-csv").getStatus());
    assertEquals(403, viewer.test("local-csv").getStatus());
    assertEquals(200, viewer.show("local-csv").getStatus());
  }

  private static List<String> paths(JsonNode problem) {
    List<String> paths = new ArrayList<>();
    problem.path("errors").forEach(e -> paths.add(e.path("path").asText()));
    return paths;
  }
}
