package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Findings 13, 15, 16 and 20 of docs/security.md, tried again from outside against the running
 * server: each hostile input gets a 4xx problem document, never a 500 or a side effect.
 */
class HardeningFollowUpIT {
  private final Api api = Api.itServer();

  @Test
  void aJmsTargetNamingARemoteJndiObjectIsRefusedAtValidation() {
    for (String dsn :
        List.of("jndi:ldap://127.0.0.1:1389/Exploit", "jndi:rmi://127.0.0.1:1099/x")) {
      Api.Reply r =
          api.admin(
              "POST",
              "api/v1/targets",
              "{\"id\":\"" + newId() + "\",\"kind\":\"jms\",\"dsn\":\"" + dsn + "\"}");
      assertEquals(422, r.status(), r.toString());
      assertEquals(List.of("dsn"), paths(r.json()), r.toString());
      assertTrue(r.body().contains("outside the server"), r.body());
    }
  }

  @Test
  void anAsOfOutsideTheYearsOneTo9999IsAProblemNotAServerError() {
    for (String asOf : List.of("+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z")) {
      Api.Reply r =
          api.admin(
              "POST",
              "api/v1/runs/plan",
              "{\"scenario_id\":\"iot-demo\",\"target_id\":\"local-csv\",\"as_of\":\""
                  + asOf
                  + "\"}");
      assertEquals(422, r.status(), r.toString());
      assertEquals(List.of("as_of"), paths(r.json()), r.toString());
    }
  }

  @Test
  void aTargetNameLongerThanItsColumnIsAProblemNotAServerError() {
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + newId()
                + "\",\"kind\":\"csv\",\"dsn\":\"out/it/long\",\"name\":\""
                + "n".repeat(257)
                + "\"}");
    assertEquals(422, r.status(), r.toString());
    assertEquals(List.of("name"), paths(r.json()), r.toString());
  }

  @Test
  void concurrentRestartsOfOneRunGetOneAcceptanceAndConflictsNeverAServerError() throws Exception {
    String target = newId();
    Api.Reply created =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + target
                + "\",\"kind\":\"postgres\",\"dsn\":\"postgres://nobody@127.0.0.1:1/none\"}");
    assertEquals(201, created.status(), created.toString());
    try {
      Api.Reply started =
          api.admin(
              "POST",
              "api/v1/runs",
              "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.01}");
      assertEquals(202, started.status(), started.toString());
      String id = started.json().path("id").asText();
      assertEquals("failed", api.awaitFinished(id).path("status").asText());

      ExecutorService pool = Executors.newFixedThreadPool(5);
      List<Future<Api.Reply>> replies = new ArrayList<>();
      Callable<Api.Reply> restart = () -> api.admin("POST", "api/v1/runs/" + id + "/restart", null);
      for (int i = 0; i < 5; i++) {
        replies.add(pool.submit(restart));
      }
      int accepted = 0;
      for (Future<Api.Reply> f : replies) {
        Api.Reply r = f.get();
        assertTrue(r.status() == 202 || r.status() == 409, r.toString());
        if (r.status() == 409) {
          assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.toString());
        }
        accepted += r.status() == 202 ? 1 : 0;
      }
      pool.shutdown();
      assertTrue(accepted >= 1, "one restart goes on");
      api.awaitFinished(id);
    } finally {
      api.admin("DELETE", "api/v1/targets/" + target, null);
    }
  }

  @Test
  void theAuditLogNeedsASignInForHeadAsForGet() {
    assertEquals(401, api.anonymous("HEAD", "api/v1/audit", null).status());
    assertEquals(401, api.anonymous("GET", "api/v1/audit", null).status());
    assertEquals(200, api.admin("HEAD", "api/v1/audit", null).status());
  }

  @Test
  void aForgedHostHeaderNeverReachesALocationHeader() throws Exception {
    String id = newId();
    String body = "{\"id\":\"" + id + "\",\"kind\":\"csv\",\"dsn\":\"out/it/" + id + "\"}";
    String reply = raw("POST", "/api/v1/targets", body, true);
    try {
      assertTrue(reply.startsWith("HTTP/1.1 201"), reply);
      String location = header(reply, "Location");
      assertEquals("/api/v1/targets/" + id, location, reply);
      String redirect = raw("GET", "/console", null, false);
      assertFalse(redirect.toLowerCase().contains("evil.example"), redirect);
    } finally {
      api.admin("DELETE", "api/v1/targets/" + id, null);
    }
  }

  @Test
  void postgresSystemSchemasAreRefusedAsTargets() {
    for (String schema : List.of("pg_catalog", "information_schema")) {
      Api.Reply r =
          api.admin(
              "POST",
              "api/v1/targets",
              "{\"id\":\""
                  + newId()
                  + "\",\"kind\":\"postgres\",\"dsn\":\"postgres://postgres@127.0.0.1:5432/test\","
                  + "\"schema\":\""
                  + schema
                  + "\"}");
      assertEquals(422, r.status(), r.toString());
      assertEquals(List.of("schema"), paths(r.json()), r.toString());
    }
  }

  @Test
  void targetTestsNeverReachTheMetadataServiceOrTheServersOwnPorts() {
    int ownPort = Integer.getInteger("syngen.http.port", 19080);
    for (String hostPort : List.of("169.254.169.254:5432", "127.0.0.1:" + ownPort)) {
      String id = postgresTarget(hostPort);
      try {
        JsonNode r = api.admin("POST", "api/v1/targets/" + id + "/test", null).json();
        assertFalse(r.path("ok").asBoolean(), r.toString());
        assertTrue(r.path("error").asText().contains("outbound policy"), r.toString());
      } finally {
        api.admin("DELETE", "api/v1/targets/" + id, null);
      }
    }
  }

  @Test
  void aClosedPortAndAnUnknownHostGetTheSameAnswer() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    List<String> answers = new ArrayList<>();
    for (String hostPort : List.of("127.0.0.1:" + closed, "no-such-host.invalid:5432")) {
      String id = postgresTarget(hostPort);
      try {
        JsonNode r = api.admin("POST", "api/v1/targets/" + id + "/test", null).json();
        assertFalse(r.path("ok").asBoolean(), r.toString());
        assertEquals(0, r.path("latency_ms").asLong(), r.toString());
        String error = r.path("error").asText();
        answers.add(error.substring(error.indexOf("): ") + 3));
      } finally {
        api.admin("DELETE", "api/v1/targets/" + id, null);
      }
    }
    assertEquals(answers.get(0), answers.get(1));
  }

  private String postgresTarget(String hostPort) {
    String id = newId();
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + id
                + "\",\"kind\":\"postgres\",\"dsn\":\"postgres://nobody@"
                + hostPort
                + "/none\"}");
    assertEquals(201, r.status(), r.toString());
    return id;
  }

  /** A request with {@code Host: evil.example}, which Java's HTTP client refuses to send. */
  private String raw(String method, String path, String body, boolean admin) throws Exception {
    URI base = ItServer.baseUrl();
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: evil.example\r\n");
    if (admin) {
      String token = Api.ADMIN + ":" + api.adminPassword();
      head.append("Authorization: Basic ")
          .append(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))
          .append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ")
          .append(content.length)
          .append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String header(String reply, String name) {
    for (String line : reply.split("\r\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  private static String newId() {
    return "it-hf-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<String> paths(JsonNode problem) {
    List<String> paths = new ArrayList<>();
    problem.path("errors").forEach(e -> paths.add(e.path("path").asText()));
    return paths;
  }
}
