package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /metrics serves Prometheus text without credentials, and a run's records appear in the counters
 * labelled by target kind and entity, exactly once, with no run id among the labels.
 */
class MetricsIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  @Test
  void aRunsRecordsAndBytesAreCountedByTargetKindAndEntity() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String people = "m_people_" + suffix;
    String orders = "m_orders_" + suffix;
    String target = api.createCsvTarget();
    double runsBefore = value(scrape(), "syngen_run_duration_seconds_count", "csv", "success");
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"target_id\":\"" + target + "\",\"scenario\":" + scenario(people, orders) + "}");
    assertEquals(202, started.status(), started.toString());
    String id = started.json().path("id").asText();
    JsonNode run = api.awaitFinished(id);
    assertEquals("success", run.path("status").asText(), run.toString());

    String text = scrape();
    assertEquals(1234, value(text, "syngen_records_produced_total", "csv", people), text);
    assertEquals(321, value(text, "syngen_records_produced_total", "csv", orders), text);
    assertTrue(value(text, "syngen_bytes_produced_total", "csv", people) > 1234 * 5, text);
    assertTrue(value(text, "syngen_produce_latency_seconds_count", "csv", people) >= 1, text);
    assertTrue(text.contains("syngen_produce_latency_seconds_bucket{"), "a histogram");
    assertEquals(
        runsBefore + 1, value(text, "syngen_run_duration_seconds_count", "csv", "success"), text);
    assertTrue(text.contains("syngen_runs_active"), text);
    assertTrue(text.contains("syngen_runs_queued"), text);
    assertTrue(text.contains("syngen_cluster_chunks_pending"), text);
    assertTrue(text.contains("syngen_produce_rate"), text);
    assertFalse(text.contains(id), "no run id in metrics");
    assertFalse(text.contains("it-admin-secret"), "no secrets in metrics");
  }

  @Test
  void aTargetThatFailsCountsAnErrorForItsKind() {
    String entity = "m_fail_" + UUID.randomUUID().toString().substring(0, 8);
    double before = value(scrape(), "syngen_produce_errors_total", "postgres", "_all");
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"target\":{\"kind\":\"postgres\",\"dsn\":\"postgres://nobody@127.0.0.1:1/none\"},"
                + "\"scenario\":"
                + scenario(entity, entity + "_b")
                + "}");
    assertEquals(202, started.status(), started.toString());
    JsonNode run = api.awaitFinished(started.json().path("id").asText());
    assertEquals("failed", run.path("status").asText(), run.toString());
    double after = value(scrape(), "syngen_produce_errors_total", "postgres", "_all");
    assertTrue(after >= before + 1, before + " -> " + after);
  }

  private static String scenario(String first, String second) {
    return "{\"id\":\"it-metrics\",\"name\":\"metrics\",\"seed\":3,"
        + "\"entities\":[{\"name\":\""
        + first
        + "\",\"rows\":1234,\"columns\":["
        + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
        + "{\"name\":\"full_name\",\"type\":\"string\",\"generator\":{\"type\":\"faker_name\"}}]},"
        + "{\"name\":\""
        + second
        + "\",\"rows\":321,\"columns\":["
        + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}}]}]}";
  }

  private static String scrape() {
    Api.Reply r = api.call("GET", "metrics?scope=application", null, null, null, null);
    assertEquals(200, r.status(), r.toString());
    assertTrue(
        r.header("Content-Type").startsWith("text/plain"), "Prometheus text: " + r.headers());
    return r.body();
  }

  /**
   * The sum of the samples of {@code metric} whose labels include every one of {@code labels} (as
   * label values); 0 when there is none.
   */
  static double value(String text, String metric, String... labels) {
    Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)} (\\S+)$").matcher(text);
    double sum = 0;
    while (m.find()) {
      boolean all = true;
      for (String l : labels) {
        all &= m.group(1).contains("=\"" + l + "\"");
      }
      if (all) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }
}
