package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault tolerance around the server's calls to targets: a target that accepts connections but never
 * answers is cut off by the test timeout (3 s on the IT server, see pom.xml); runs into a target
 * that is down fail with an error naming it, and repeated failures open that target's circuit so
 * the next run into it fails at once, while runs into other targets go on; after the circuit's
 * delay, runs go through again.
 */
class FaultToleranceIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  @Test
  void aTargetThatNeverAnswersIsCutOffByTheTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0)) {
      String id = target("postgres://nobody@127.0.0.1:" + silent.getLocalPort() + "/none");
      try {
        Api.Reply r = api.admin("POST", "api/v1/targets/" + id + "/test", null);
        assertEquals(200, r.status(), r.toString());
        JsonNode result = r.json();
        assertFalse(result.path("ok").asBoolean(), r.toString());
        String error = result.path("error").asText();
        assertTrue(error.contains("did not answer in time"), error);
        assertTrue(error.contains("target '" + id + "'"), error);
      } finally {
        api.admin("DELETE", "api/v1/targets/" + id, null);
      }
    }
  }

  @Test
  void repeatedFailuresOpenTheCircuitAndItClosesAgain() {
    String down = target("postgres://nobody:hunter2@127.0.0.1:1/none");
    try {
      String first = failedRun(down);
      assertTrue(first.contains("target '" + down + "'"), first);
      assertFalse(first.contains("hunter2"), first);
      String error = first;
      for (int i = 0; i < 4 && !error.contains("circuit is open"); i++) {
        error = failedRun(down);
      }
      assertTrue(error.contains("circuit is open"), error);
      assertTrue(error.contains("target '" + down + "'"), error);
    } finally {
      api.admin("DELETE", "api/v1/targets/" + down, null);
    }
    // after the circuit's delay (5 s) a run that can reach its target closes it again
    String csv = api.createCsvTarget();
    Api.sleep(5_500);
    JsonNode ok = api.awaitFinished(start(csv));
    assertEquals("success", ok.path("status").asText(), ok.toString());
  }

  @Test
  void anOpenCircuitOfOneTargetLeavesRunsIntoAHealthyTargetAlone() {
    String down = target("postgres://nobody@127.0.0.1:1/none");
    String healthy = api.createCsvTarget();
    try {
      String error = failedRun(down);
      for (int i = 0; i < 4 && !error.contains("circuit is open"); i++) {
        error = failedRun(down);
      }
      assertTrue(error.contains("circuit is open"), error);
      JsonNode ok = api.awaitFinished(start(healthy));
      assertEquals("success", ok.path("status").asText(), ok.toString());
      assertTrue(
          failedRun(down).contains("circuit is open"), "the dead target's circuit stays open");
    } finally {
      api.admin("DELETE", "api/v1/targets/" + down, null);
    }
  }

  private static String target(String dsn) {
    String id = "it-ft-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\"" + id + "\",\"kind\":\"postgres\",\"dsn\":\"" + dsn + "\"}");
    assertEquals(201, r.status(), r.toString());
    return id;
  }

  private static String start(String target) {
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.01}");
    assertEquals(202, r.status(), r.toString());
    return r.json().path("id").asText();
  }

  private static String failedRun(String target) {
    JsonNode run = api.awaitFinished(start(target));
    assertEquals("failed", run.path("status").asText(), run.toString());
    return run.path("error").asText();
  }
}
