package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scale bands and traffic shaping through {@code POST /runs/plan} and {@code POST /runs}. */
class RunShapingIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  private static long rowsOf(JsonNode plan, String entity) {
    for (JsonNode e : plan.path("entities")) {
      if (e.path("entity").asText().equals(entity)) {
        return e.path("rows").asLong();
      }
    }
    throw new AssertionError("no entity " + entity + " in " + plan);
  }

  @Test
  void aScaleBandSetsTheScenarioCounts() {
    Api.Reply dev =
        api.anonymous("POST", "api/v1/runs/plan", "{\"scenario_id\":\"chat\",\"band\":\"dev\"}");
    Api.Reply staging =
        api.anonymous(
            "POST", "api/v1/runs/plan", "{\"scenario_id\":\"chat\",\"band\":\"staging\"}");

    assertEquals(200, dev.status(), dev.toString());
    assertEquals(200, staging.status(), staging.toString());
    assertEquals(5000, rowsOf(dev.json(), "users"));
    assertEquals(150_000, rowsOf(staging.json(), "users"));
    assertEquals(100_000_000, rowsOf(staging.json(), "messages"));
    assertEquals("staging", staging.json().path("band").asText());
  }

  @Test
  void anUnknownBandOrBadTrafficIsRefusedWithEveryFieldNamed() {
    Api.Reply band =
        api.admin("POST", "api/v1/runs", "{\"scenario_id\":\"chat\",\"band\":\"huge\"}");
    assertEquals(422, band.status(), band.toString());
    assertTrue(band.body().contains("staging"), "the fix lists the bands: " + band.body());

    String csv = api.createCsvTarget();
    Api.Reply traffic =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\""
                + csv
                + "\",\"traffic\":{\"rate\":\"fast\",\"mode\":\"wavy\",\"payload_size\":\"1KB\","
                + "\"colour\":\"red\"}}");
    assertEquals(422, traffic.status(), traffic.toString());
    List<String> paths = new ArrayList<>();
    traffic.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
    assertTrue(
        paths.containsAll(
            List.of("traffic.rate", "traffic.mode", "traffic.payload_size", "traffic.colour")),
        paths.toString());
  }

  @Test
  void aRateControlledRunHoldsItsRateAndRecordsIt() {
    String csv = api.createCsvTarget();
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\""
                + csv
                + "\",\"entity_counts\":{\"sites\":2,\"devices\":10,\"telemetry\":3000},"
                + "\"traffic\":{\"rate\":\"1k/s\"}}");
    assertEquals(202, started.status(), started.toString());

    JsonNode run = api.awaitFinished(started.json().path("id").asText());

    assertEquals("success", run.path("status").asText(), run.toString());
    assertEquals("1k/s", run.path("overrides").path("rate").asText(), run.toString());
    JsonNode telemetry = run.path("entities").get(2);
    assertEquals(3000, telemetry.path("rows_written").asLong());
    double achieved = telemetry.path("rows_per_second").asDouble();
    assertTrue(achieved > 900 && achieved < 1100, "held about 1000 rows/s: " + achieved);
  }
}
