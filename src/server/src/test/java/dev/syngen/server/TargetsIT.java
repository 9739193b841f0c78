package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Target CRUD, connection tests, redaction, validation, authorisation and audit. */
class TargetsIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  private static String newId() {
    return "it-t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void seededTargetsAreListedWithRedactedDsns() {
    JsonNode list = api.viewer("GET", "api/v1/targets", null).json();

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
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + id
                + "\",\"name\":\"first\",\"kind\":\"csv\",\"dsn\":\"out/it/"
                + id
                + "\"}");
    assertEquals(201, created.status(), created.toString());
    assertTrue(created.header("Location").endsWith("/api/v1/targets/" + id), created.toString());
    assertEquals("api", created.json().path("source").asText());

    Api.Reply updated =
        api.admin(
            "PUT",
            "api/v1/targets/" + id,
            "{\"name\":\"second\",\"kind\":\"ndjson\",\"dsn\":\"out/it/" + id + "\"}");
    assertEquals(200, updated.status(), updated.toString());
    JsonNode shown = api.viewer("GET", "api/v1/targets/" + id, null).json();
    assertEquals("second", shown.path("name").asText());
    assertEquals("ndjson", shown.path("kind").asText());

    assertEquals(204, api.admin("DELETE", "api/v1/targets/" + id, null).status());
    assertEquals(404, api.viewer("GET", "api/v1/targets/" + id, null).status());

    JsonNode audit = api.admin("GET", "api/v1/audit?subject=target:" + id, null).json();
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
    Api.Reply created = api.admin("POST", "api/v1/targets", body);

    assertEquals(201, created.status(), created.toString());
    assertFalse(created.body().contains("hunter2secret"), created.body());
    assertFalse(api.viewer("GET", "api/v1/targets", null).body().contains("hunter2secret"));
    assertFalse(api.admin("GET", "api/v1/audit?limit=200", null).body().contains("hunter2secret"));
    api.admin("DELETE", "api/v1/targets/" + id, null);
  }

  @Test
  void invalidTargetsGetEveryProblemWithItsPath() {
    Api.Reply r =
        api.admin("POST", "api/v1/targets", "{\"id\":\"bad one\",\"colour\":1,\"dsn\":\"x\"}");
    assertEquals(422, r.status(), r.toString());
    List<String> paths = paths(r.json());
    assertTrue(paths.containsAll(List.of("colour", "id", "kind")), paths.toString());

    Api.Reply outside =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\"" + newId() + "\",\"kind\":\"csv\",\"dsn\":\"/etc\"}");
    assertEquals(422, outside.status(), outside.toString());
    assertEquals(List.of("dsn"), paths(outside.json()));
    assertTrue(outside.body().contains("outside"), outside.body());

    Api.Reply unknownKind =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\"" + newId() + "\",\"kind\":\"mongo\",\"dsn\":\"x\"}");
    assertEquals(List.of("kind"), paths(unknownKind.json()));
  }

  @Test
  void aTakenIdConflicts() {
    Api.Reply r =
        api.admin(
            "POST", "api/v1/targets", "{\"id\":\"local-csv\",\"kind\":\"csv\",\"dsn\":\"out/x\"}");
    assertEquals(409, r.status(), r.toString());
  }

  @Test
  void testingReportsCapabilitiesOrTheError() {
    String csv = api.createCsvTarget();
    JsonNode ok = api.admin("POST", "api/v1/targets/" + csv + "/test", null).json();
    assertTrue(ok.path("ok").asBoolean(), ok.toString());
    assertTrue(ok.path("capabilities").path("can_insert").asBoolean(), ok.toString());
    assertTrue(ok.has("latency_ms"), ok.toString());

    JsonNode pg = api.admin("POST", "api/v1/targets/local-postgres/test", null).json();
    assertTrue(pg.path("ok").asBoolean(), pg.toString());
    assertTrue(pg.path("server_version").asText().contains("PostgreSQL"), pg.toString());
    assertTrue(pg.path("capabilities").path("can_create").asBoolean(), pg.toString());
    assertTrue(pg.path("capabilities").path("can_truncate").asBoolean(), pg.toString());

    String down = newId();
    api.admin(
        "POST",
        "api/v1/targets",
        "{\"id\":\""
            + down
            + "\",\"kind\":\"postgres\",\"dsn\":\"postgres://u:pw@127.0.0.1:1/x\"}");
    Api.Reply failed = api.admin("POST", "api/v1/targets/" + down + "/test", null);
    assertEquals(200, failed.status(), failed.toString());
    assertFalse(failed.json().path("ok").asBoolean(), failed.toString());
    assertFalse(failed.json().path("error").asText().isBlank(), failed.toString());
  }

  @Test
  void changesNeedAnAdmin() {
    String body = "{\"id\":\"" + newId() + "\",\"kind\":\"csv\",\"dsn\":\"out/it/x\"}";
    Api.Reply anonymous = api.anonymous("POST", "api/v1/targets", body);
    assertEquals(401, anonymous.status(), anonymous.toString());
    assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"), anonymous.toString());
    assertEquals("Unauthorized", anonymous.json().path("title").asText());

    assertEquals(403, api.viewer("POST", "api/v1/targets", body).status());
    assertEquals(403, api.viewer("DELETE", "api/v1/targets/local-csv", null).status());
    assertEquals(403, api.viewer("POST", "api/v1/targets/local-csv/test", null).status());
    assertEquals(200, api.viewer("GET", "api/v1/targets/local-csv", null).status());
  }

  private static List<String> paths(JsonNode problem) {
    List<String> paths = new ArrayList<>();
    problem.path("errors").forEach(e -> paths.add(e.path("path").asText()));
    return paths;
  }
}
