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
  void readsNeedNoLogin() {
    for (String path : new String[] {"api/v1/runs", "api/v1/targets", "api/v1/scenarios"}) {
      assertEquals(200, api.anonymous("GET", path, null).status(), path);
    }
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
