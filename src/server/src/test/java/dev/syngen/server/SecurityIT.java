package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in users: the admin's password comes from SYNGEN_ADMIN_PASSWORD (set by the build), the
 * viewer's was generated at first start, stored in the server directory and logged once.
 */
class SecurityIT {
  private static Api api;
  private static Path serverDir;

  @BeforeAll
  static void server() {
    api = Api.itServer();
    serverDir = Path.of(System.getProperty("syngen.it.server.dir", "target"));
  }

  @Test
  void configuredPasswordsSignInAndAreNeverLogged() throws IOException {
    String log = Files.readString(serverDir.resolve("logs/messages.log"));
    assertFalse(log.contains(api.adminPassword()), "the admin password is in the log");
    assertFalse(log.contains("generated the password"), "nothing to generate here");
    assertEquals(200, api.admin("GET", "api/v1/audit?limit=1", null).status());
    assertEquals(200, api.viewer("GET", "api/v1/audit?limit=1", null).status());
    assertEquals(
        401, api.call("GET", "api/v1/audit", "application/json", null, "viewer", "wrong").status());
    assertEquals(401, api.anonymous("GET", "api/v1/audit", null).status());
  }

  @Test
  void anonymousReadsOfTheApiAreAProblemDocumentWithTheBasicChallenge() {
    for (String path :
        new String[] {
          "api/v1/runs",
          "api/v1/runs?limit=1",
          "api/v1/targets",
          "api/v1/targets/local-csv",
          "api/v1/scenarios",
          "api/v1/scenarios/finance-demo",
          "api/v1/runs/no-such-run"
        }) {
      Api.Reply r = api.anonymous("GET", path, null);
      assertEquals(401, r.status(), path + ": " + r);
      assertEquals("application/problem+json", r.header("Content-Type").split(";")[0], path);
      assertEquals(401, r.json().path("status").asInt(), r.body());
      assertTrue(
          r.header("WWW-Authenticate") != null && r.header("WWW-Authenticate").startsWith("Basic"),
          path + ": " + r.headers().map());
      assertFalse(r.body().contains("dsn"), r.body());
      assertEquals(401, api.anonymous("HEAD", path, null).status(), "HEAD " + path);
    }
  }

  @Test
  void aViewerReadsRunsTargetsAndScenarios() {
    for (String path : new String[] {"api/v1/runs", "api/v1/targets", "api/v1/scenarios"}) {
      assertEquals(200, api.viewer("GET", path, null).status(), path);
      assertEquals(200, api.viewer("HEAD", path, null).status(), "HEAD " + path);
      assertEquals(200, api.admin("GET", path, null).status(), path);
    }
    assertEquals(
        401, api.call("GET", "api/v1/runs", "application/json", null, "viewer", "wrong").status());
  }

  @Test
  void theAuditLogStillNeedsASignIn() {
    assertEquals(401, api.anonymous("GET", "api/v1/audit?limit=1", null).status());
    assertEquals(401, api.anonymous("HEAD", "api/v1/audit", null).status());
    assertEquals(200, api.viewer("GET", "api/v1/audit?limit=1", null).status());
  }

  @Test
  void infoAndTheChecksThatChangeNothingStayOpen() {
    Api.Reply info = api.anonymous("GET", "api/v1/info", null);
    assertEquals(200, info.status(), info.toString());
    assertEquals("syngen", info.json().path("name").asText(), info.body());
    Api.Reply plan =
        api.anonymous("POST", "api/v1/runs/plan", "{\"scenario_id\":\"finance-demo\",\"seed\":1}");
    assertEquals(200, plan.status(), plan.toString());
  }

  @Test
  void theOpenApiDocumentAndUiAreServed() {
    Api.Reply doc = api.anonymous("GET", "openapi", null);
    assertEquals(200, doc.status());
    assertTrue(doc.body().contains("/api/v1/runs/{id}/restart"), doc.body());
    assertTrue(doc.body().contains("title: syngen"), doc.body());
    assertEquals(200, api.anonymous("GET", "openapi/ui/", null).status());
  }
}
