package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The corpus API against the running server: multipart uploads checked before anything is stored
 * (problem documents for rejected, too large and malformed uploads), roles, the lifecycle in the
 * audit log, plans whose config hash follows the corpus content, runs and deletion.
 */
class CorporaIT {
  private static final String BOUNDARY = "syngen-it-boundary";
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  private static String newName() {
    return "it_c_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A multipart body: form fields as name/value pairs, then the file part. */
  private static String multipart(String fileName, String content, String... fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      b.append("--").append(BOUNDARY).append("\r\n");
      b.append("Content-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n");
      b.append(fields[i + 1]).append("\r\n");
    }
    if (content != null) {
      b.append("--").append(BOUNDARY).append("\r\n");
      b.append("Content-Disposition: form-data; name=\"file\"; filename=\"")
          .append(fileName)
          .append("\"\r\nContent-Type: text/plain\r\n\r\n");
      b.append(content).append("\r\n");
    }
    return b.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  private static Api.Reply upload(String user, String body) {
    String password =
        user == null ? null : user.equals(Api.ADMIN) ? api.adminPassword() : viewerPassword();
    return api.call(
        "POST",
        "api/v1/corpora",
        "multipart/form-data; boundary=" + BOUNDARY,
        body,
        user,
        password);
  }

  private static String viewerPassword() {
    return System.getProperty("syngen.it.viewer.password", "it-viewer-secret");
  }

  private static Api.Reply uploadAsAdmin(
      String name, String fileName, String content, String... more) {
    List<String> fields = new ArrayList<>(List.of("name", name));
    fields.addAll(List.of(more));
    return upload(Api.ADMIN, multipart(fileName, content, fields.toArray(String[]::new)));
  }

  private static String scenario(String corpus) {
    return "{\"id\":\"it-corpus\",\"name\":\"it-corpus\",\"seed\":3,\"as_of\":\"2026-01-01T00:00:00Z\","
        + "\"entities\":[{\"name\":\"pets\",\"rows\":200,\"columns\":["
        + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
        + "{\"name\":\"kind\",\"type\":\"string\",\"generator\":{\"type\":\"corpus\","
        + "\"params\":{\"name\":\""
        + corpus
        + "\",\"weights\":\"zipf\"}}}]}]}";
  }

  private static Api.Reply plan(String corpus) {
    return api.admin("POST", "api/v1/runs/plan", "{\"scenario\":" + scenario(corpus) + "}");
  }

  @Test
  void anUploadGoesRegisteredValidatedReadyAndIsAudited() {
    String name = newName();
    Api.Reply r = uploadAsAdmin(name, "pets.txt", "cat\ndog\nparrot\ncat\n");
    assertEquals(201, r.status(), r.toString());
    JsonNode c = r.json();
    assertEquals("ready", c.path("status").asText());
    assertEquals(4, c.path("size").asInt());
    assertEquals(3, c.path("distinct").asInt());
    assertEquals(64, c.path("sha256").asText().length());
    assertTrue(r.header("Location").endsWith("/api/v1/corpora/" + name), r.toString());

    JsonNode shown = api.viewer("GET", "api/v1/corpora/" + name, null).json();
    assertEquals("cat", shown.path("top_values").get(0).path("value").asText());
    assertEquals(0.5, shown.path("top_values").get(0).path("share").asDouble(), 1e-9);
    List<String> actions = new ArrayList<>();
    shown.path("history").forEach(h -> actions.add(h.path("action").asText()));
    assertEquals(List.of("corpus.registered", "corpus.validated", "corpus.ready"), actions);
    assertEquals("admin", shown.path("history").get(2).path("user").asText());

    JsonNode audit = api.admin("GET", "api/v1/audit?subject=corpus:" + name, null).json();
    assertTrue(audit.toString().contains("corpus.ready"), audit.toString());

    boolean listed = false;
    for (JsonNode n : api.viewer("GET", "api/v1/corpora", null).json()) {
      listed |=
          n.path("name").asText().equals(name) && n.path("origin").asText().equals("uploaded");
    }
    assertTrue(listed);
  }

  @Test
  void aRejectedUploadStoresNothingAndNamesFieldProblemAndFix() {
    String name = newName();
    Api.Reply r = uploadAsAdmin(name, "people.txt", "ann\nann@example.org\n");
    assertEquals(422, r.status(), r.toString());
    JsonNode e = r.json().path("errors").get(0);
    assertEquals("file", e.path("path").asText());
    assertTrue(e.path("message").asText().contains("looks like an e-mail address"), r.body());
    assertTrue(e.path("fix").asText().contains("allow_personal_data"), r.body());
    assertTrue(!r.body().contains("ann@example.org"), "the value is never echoed");
    assertEquals(404, api.viewer("GET", "api/v1/corpora/" + name, null).status());

    Api.Reply allowed =
        uploadAsAdmin(name, "people.txt", "ann\nann@example.org\n", "allow_personal_data", "true");
    assertEquals(201, allowed.status(), allowed.toString());
    assertTrue(allowed.json().path("allow_personal_data").asBoolean());
  }

  @Test
  void tooLargeAndMalformedUploadsGetProblemDocuments() {
    String big = "x".repeat(1_100_000);
    Api.Reply large = uploadAsAdmin(newName(), "big.txt", big);
    assertEquals(413, large.status(), large.toString());
    assertTrue(large.body().contains("syngen.corpora.max-bytes"), large.body());
    assertTrue(large.header("Content-Type").contains("problem+json"), large.toString());

    Api.Reply noFile = upload(Api.ADMIN, multipart(null, null, "name", newName()));
    assertEquals(422, noFile.status(), noFile.toString());
    assertTrue(noFile.body().contains("\"file\""), noFile.body());

    Api.Reply badName = uploadAsAdmin("Bad Name", "x.txt", "a\n");
    assertEquals(422, badName.status(), badName.toString());
    assertTrue(badName.body().contains("not a valid corpus name"), badName.body());

    Api.Reply badCsv = uploadAsAdmin(newName(), "x.csv", "a,b\n1,2\n", "column", "city");
    assertEquals(422, badCsv.status(), badCsv.toString());
    assertTrue(badCsv.body().contains("'city' is not a column"), badCsv.body());
  }

  @Test
  void onlyAdminsUploadAndDelete() {
    String body = multipart("x.txt", "a\nb\n", "name", newName());
    assertEquals(403, upload(Api.VIEWER, body).status());
    assertEquals(401, upload(null, body).status());
    String name = newName();
    assertEquals(201, uploadAsAdmin(name, "x.txt", "a\nb\n").status());
    assertEquals(403, api.viewer("DELETE", "api/v1/corpora/" + name, null).status());
    assertEquals(409, uploadAsAdmin(name, "x.txt", "a\nb\n").status());
  }

  @Test
  void theConfigHashFollowsTheCorpusContentAndRunsUseIt() {
    String name = newName();
    Api.Reply missing = plan(name);
    assertEquals(422, missing.status(), missing.toString());
    assertTrue(missing.body().contains("no ready corpus named '" + name + "'"), missing.body());

    assertEquals(201, uploadAsAdmin(name, "pets.txt", "cat\ndog\nparrot\n").status());
    String first = plan(name).json().path("config_hash").asText();
    assertEquals(first, plan(name).json().path("config_hash").asText(), "unchanged, same hash");
    Api.Reply replaced = uploadAsAdmin(name, "pets.txt", "cat\ndog\nferret\n", "replace", "true");
    assertEquals(201, replaced.status(), replaced.toString());
    String second = plan(name).json().path("config_hash").asText();
    assertNotEquals(first, second, "a changed corpus changes the config hash");

    String target = api.createCsvTarget();
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario\":" + scenario(name) + ",\"target_id\":\"" + target + "\"}");
    assertEquals(202, started.status(), started.toString());
    JsonNode run = api.awaitFinished(started.json().path("id").asText());
    assertEquals("success", run.path("status").asText(), run.toString());
    assertEquals(second, run.path("config_hash").asText());

    assertEquals(204, api.admin("DELETE", "api/v1/corpora/" + name, null).status());
    assertEquals(404, api.viewer("GET", "api/v1/corpora/" + name, null).status());
    assertEquals(422, plan(name).status());
    JsonNode audit = api.admin("GET", "api/v1/audit?subject=corpus:" + name, null).json();
    assertTrue(audit.toString().contains("corpus.delete"), audit.toString());
  }

  @Test
  void theExplorerUploadsShowsTheTopValuesChartAndRefusesPersonalData() throws Exception {
    String name = newName();
    java.nio.file.Path dir =
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "it-corpora"));
    java.nio.file.Path good =
        java.nio.file.Files.writeString(
            dir.resolve(name + ".csv"), "value,weight\nLantern,5\nWillow,3\nCopper,2\n");
    java.nio.file.Path bad =
        java.nio.file.Files.writeString(
            dir.resolve(name + "-bad.txt"), "alpha\n+44 20 7946 0000\n");
    try (Browser browser = new Browser()) {
      browser.login(Api.ADMIN, api.adminPassword());
      browser.click("nav-corpora");
      browser.waitFor(d -> d.findElements(By.id("upload:send")).size() > 0);
      browser.type("upload:name", name);
      browser.driver.findElement(By.id("upload:file")).sendKeys(good.toAbsolutePath().toString());
      browser.type("upload:weights-column", "weight");
      browser.click("upload:send");
      browser.waitFor(d -> d.findElements(By.id("corpus-hash")).size() > 0);
      assertEquals(64, browser.text("corpus-hash").length());
      List<WebElement> top = browser.driver.findElements(By.cssSelector("#top-values tbody tr"));
      assertEquals(3, top.size());
      assertTrue(top.get(0).getText().startsWith("Lantern 50"), top.get(0).getText());
      assertEquals(
          Boolean.TRUE,
          browser.driver.executeScript(
              "return typeof Chart !== 'undefined' && !!Chart.getChart('top-values-chart');"),
          "the top values chart is drawn");
      assertEquals(3, browser.driver.findElements(By.cssSelector("#history tbody tr")).size());
      assertTrue(browser.text("history").contains("corpus.ready"));
      browser.screenshot("corpus-explorer");

      browser.click("nav-corpora");
      browser.waitFor(d -> d.findElements(By.id("upload:send")).size() > 0);
      assertTrue(browser.text("corpora").contains(name));
      browser.type("upload:name", name + "_b");
      browser.driver.findElement(By.id("upload:file")).sendKeys(bad.toAbsolutePath().toString());
      browser.click("upload:send");
      browser.waitFor(d -> d.findElements(By.cssSelector(".field-error, .msg-error")).size() > 0);
      assertTrue(browser.driver.getPageSource().contains("looks like a phone number"));
      assertEquals(404, api.viewer("GET", "api/v1/corpora/" + name + "_b", null).status());
    }
  }

  @Test
  void theShippedCorporaAreListed() {
    JsonNode list = api.viewer("GET", "api/v1/corpora", null).json();
    List<String> shipped = new ArrayList<>();
    list.forEach(
        n -> {
          if (n.path("origin").asText().equals("shipped")) {
            shipped.add(n.path("name").asText() + ":" + n.path("status").asText());
          }
        });
    assertTrue(shipped.contains("pet_names:ready"), shipped.toString());
    assertTrue(shipped.contains("street_words:ready"), shipped.toString());
    JsonNode detail = api.viewer("GET", "api/v1/corpora/pet_names", null).json();
    assertTrue(detail.path("scenarios").toString().contains("corpus-demo"), detail.toString());
    assertTrue(detail.path("sample").size() > 0, detail.toString());
  }
}
