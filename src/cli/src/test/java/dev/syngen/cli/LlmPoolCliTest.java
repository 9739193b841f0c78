package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.io.llm.OpenAiStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * llm_text's pool mode (the default), structured answers, the declared fallback generator, the
 * plan's estimate and the caps, the usage on the run record, and cache export/import — through the
 * command line against OpenAI-compatible stubs started by the test.
 */
class LlmPoolCliTest {
  static final String KEY = "sk-pool-test-0a1b2c3d4e5f";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Columns of the one entity, after id and stars; %d is the row count. */
  static final String SCENARIO =
      """
      name: reviews
      seed: 11
      as_of: "2026-01-01T00:00:00Z"
      entities:
        - name: reviews
          rows: %d
          columns:
            - {name: id, type: bigint, generator: {type: sequence}}
            - {name: stars, type: int, generator: {type: uniform_int, params: {min: 1, max: 5}}}
            - name: review
              type: text
              generator:
                type: llm_text
                params:
      %s
      """;

  static final String POOL =
      """
                  prompt: "Write a one-sentence review of a kettle"
                  provider: primary
                  pool_size: 100
                  pool_batch: 50
                  max_tokens: 40
      """;

  @TempDir Path tmp;
  OpenAiStub primary;

  @BeforeEach
  void start() throws IOException {
    primary = new OpenAiStub("primary");
    Path llm = Files.createDirectories(tmp.resolve("llm"));
    Files.writeString(
        llm.resolve("primary.yaml"),
        "base_url: "
            + primary.baseUrl()
            + "\nmodel: small-model\napi_key_env: TEST_LLM_KEY\nmax_concurrency: 4\n"
            + "max_retries: 0\ncircuit_failures: 100\n"
            + "price_input_per_million: 1.0\nprice_output_per_million: 2.0\n");
  }

  @AfterEach
  void stop() {
    primary.close();
  }

  private Cli cli(String params, int rows, String cache) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(
        dir.resolve("reviews.yaml"), SCENARIO.formatted(rows, params.stripTrailing()));
    return new Cli(
        dir,
        Path.of("targets"),
        tmp.resolve("history"),
        Map.of("TEST_LLM_KEY", KEY)::get,
        List.of("--llm-dir=" + tmp.resolve("llm"), "--llm-cache-dir=" + tmp.resolve(cache)));
  }

  private Cli cli(String params, int rows) throws IOException {
    return cli(params, rows, "cache");
  }

  private Cli.Result run(Cli cli, String out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "start",
                "--scenario",
                "reviews",
                "--target-kind",
                "ndjson",
                "--target",
                tmp.resolve(out).toString(),
                "--quiet"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private String written(String out) throws IOException {
    return Files.readString(tmp.resolve(out).resolve("reviews.ndjson"));
  }

  private static List<String> reviews(String ndjson) throws IOException {
    List<String> v = new ArrayList<>();
    for (String line : ndjson.split("\n")) {
      if (!line.isBlank()) {
        v.add(JSON.readTree(line).path("review").asText());
      }
    }
    return v;
  }

  @Test
  void poolModeAsksOncePerBatchAndEveryCellPicksFromThePoolDeterministically() throws IOException {
    Cli cli = cli(POOL, 2000);
    Cli.Result first = run(cli, "a", "--parallel", "1");
    assertEquals(0, first.exit(), first.err());
    assertEquals(2, primary.requests(), "100 values in batches of 50: two requests for 2000 rows");
    for (OpenAiStub.Seen s : primary.seen()) {
      JsonNode format = s.body().path("response_format");
      assertEquals("json_schema", format.path("type").asText(), s.body().toString());
      assertEquals(
          50,
          format
              .path("json_schema")
              .path("schema")
              .path("properties")
              .path("values")
              .path("maxItems")
              .asInt());
    }
    List<String> values = reviews(written("a"));
    assertEquals(2000, values.size());
    Set<String> distinct = new HashSet<>(values);
    assertTrue(
        distinct.size() > 90 && distinct.size() <= 100,
        "picks spread over the pool: " + distinct.size());
    assertTrue(values.get(0).startsWith("primary says (small-model"), values.get(0));

    Cli.Result again = run(cli, "b", "--parallel", "4", "--batch-size", "33");
    assertEquals(0, again.exit(), again.err());
    assertEquals(2, primary.requests(), "a rerun reads the pool from the cache");
    assertEquals(written("a"), written("b"));
    Cli.Result offline = run(cli, "c", "--parallel", "3", "--llm", "offline");
    assertEquals(0, offline.exit(), offline.err());
    assertEquals(written("a"), written("c"));

    // another seed picks other values from the same pool, still without a request
    Cli.Result other = run(cli, "d", "--seed", "12");
    assertEquals(0, other.exit(), other.err());
    assertEquals(2, primary.requests());
    assertNotEquals(written("a"), written("d"));
    assertTrue(distinct.containsAll(reviews(written("d"))));
  }

  @Test
  void aPromptThatReadsTheRowHasOnePoolPerRenderedPrompt() throws IOException {
    String params =
        """
                  prompt: "Write a {stars}-star review"
                  provider: primary
                  pool_size: 10
                  pool_batch: 10
      """;
    Cli.Result r = run(cli(params, 300), "a");
    assertEquals(0, r.exit(), r.err());
    assertEquals(5, primary.requests(), "one pool for each of the 5 star ratings");
    for (String line : written("a").split("\n")) {
      JsonNode n = JSON.readTree(line);
      assertTrue(
          n.path("review").asText().contains("Write a " + n.path("stars").asInt() + "-star review"),
          line);
    }
  }

  @Test
  void aPromptRenderingMoreThanMaxPoolsTextsIsRefusedBeforeSending() throws IOException {
    String params =
        """
                  prompt: "Write a review of product #{id}"
                  provider: primary
                  max_pools: 20
      """;
    Cli.Result r = run(cli(params, 50), "a");
    assertEquals(SyngenCommand.EXIT_FAILED, r.exit());
    assertTrue(r.err().contains("renders 50 distinct prompts, more than max_pools 20"), r.err());
    assertTrue(r.err().contains("mode: per_row"), r.err());
    assertEquals(0, primary.requests());
  }

  @Test
  void aServerWithoutJsonSchemaIsAskedAgainWithJsonObject() throws IOException {
    primary.refuseJsonSchema(true);
    Cli.Result r = run(cli(POOL, 200), "a");
    assertEquals(0, r.exit(), r.err());
    List<String> types =
        primary.seen().stream()
            .map(s -> s.body().path("response_format").path("type").asText())
            .toList();
    // the requests in flight when the first refusal comes back are refused too (two batches are
    // sent at once); every batch is then asked with json_object, and later requests only that way
    long refused = types.stream().filter("json_schema"::equals).count();
    assertTrue(refused >= 1 && refused <= 2, types.toString());
    assertEquals(2, types.stream().filter("json_object"::equals).count(), types.toString());
    assertEquals(200, reviews(written("a")).size());
  }

  @Test
  void perRowJsonSchemaAnswersAreValidatedAndWrittenAsJson() throws IOException {
    String params =
        """
                  mode: per_row
                  prompt: "Review #{id} with {stars} stars as JSON"
                  provider: primary
                  json_schema:
                    type: object
                    required: [title, score]
                    additionalProperties: false
                    properties:
                      title: {type: string, maxLength: 400}
                      score: {type: integer, minimum: 1, maximum: 5}
      """;
    Cli.Result r = run(cli(params, 20), "a");
    assertEquals(0, r.exit(), r.err());
    assertEquals(20, primary.requests());
    assertEquals(
        "json_schema", primary.seen().get(0).body().path("response_format").path("type").asText());
    for (String v : reviews(written("a"))) {
      JsonNode n = JSON.readTree(v);
      assertTrue(n.path("title").isTextual(), v);
      assertTrue(n.path("score").asInt() >= 1 && n.path("score").asInt() <= 5, v);
    }
  }

  @Test
  void anUnsupportedSchemaKeywordIsRefusedWithItsPath() throws IOException {
    String params =
        """
                  prompt: "x"
                  provider: primary
                  json_schema: {type: object, properties: {a: {oneOf: [{type: string}]}}}
      """;
    Cli.Result r = run(cli(params, 5), "a");
    assertEquals(SyngenCommand.EXIT_INVALID, r.exit());
    assertTrue(
        r.err().contains("params.json_schema.properties.a.oneOf: keyword 'oneOf' is not supported"),
        r.err());
    assertEquals(0, primary.requests());
  }

  @Test
  void answersThatViolateTheSchemaFallBackToTheDeclaredGenerator() throws IOException {
    primary.violateSchema(true);
    String params = POOL + "            fallback: faker_sentence\n";
    Cli.Result r = run(cli(params, 50), "a", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode record = JSON.readTree(r.out());
    assertEquals(50, record.path("llm").path("total").path("fallback_values").asLong(), r.out());
    assertEquals(
        "faker_sentence",
        record.path("llm").path("columns").path("reviews.review").path("fallback").asText());
    assertFalse(written("a").contains("primary says"));
  }

  @Test
  void whenNoProviderAnswersTheFallbackWritesTheCellsAndAnOfflineRerunIsIdentical()
      throws IOException {
    primary.failAlways(500);
    String params =
        """
                  mode: per_row
                  prompt: "Review #{id}"
                  provider: primary
                  fallback: {type: faker_sentence}
      """;
    Cli cli = cli(params, 30);
    Cli.Result r = run(cli, "a");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches("\\s+total\\s+0\\s+0\\s+0\\s+30\\s.*")), r.out());
    String id = runId(r.out());
    Cli.Result show = cli.run("run", "show", id);
    assertTrue(show.out().contains("fallback faker_sentence"), show.out());
    Cli.Result offline = run(cli, "b", "--llm", "offline");
    assertEquals(0, offline.exit(), offline.err());
    assertEquals(written("a"), written("b"));
  }

  @Test
  void withoutAFallbackAFailingProviderFailsTheRunNamingTheFix() throws IOException {
    primary.failAlways(500);
    Cli.Result r = run(cli(POOL, 10), "a");
    assertEquals(SyngenCommand.EXIT_FAILED, r.exit());
    assertTrue(r.err().contains("cannot fill its pool"), r.err());
    assertTrue(r.err().contains("fallback: faker_sentence"), r.err());
  }

  @Test
  void thePlanShowsTheEstimateAndACapRefusesTheRunBeforeTheStubSeesARequest() throws IOException {
    String perRow =
        """
                  mode: per_row
                  prompt: "Review #{id}"
                  provider: primary
                  max_tokens: 100
      """;
    Cli cli = cli(perRow, 40);
    Cli.Result plan = run(cli, "p", "--plan", "--format", "json");
    assertEquals(0, plan.exit(), plan.err());
    JsonNode total = JSON.readTree(plan.out()).path("llm").path("total");
    assertEquals(40, total.path("requests").asLong(), plan.out());
    assertEquals(4000, total.path("max_output_tokens").asLong());
    // 40 × (≈3 input tokens × 1.0 + 100 output tokens × 2.0) per million
    assertTrue(
        total.path("max_cost").asDouble() > 0.008 && total.path("max_cost").asDouble() < 0.0085,
        plan.out());
    Cli.Result table = run(cli, "p", "--plan");
    assertTrue(table.out().contains("LLM estimate"), table.out());

    Cli.Result capped = run(cli, "a", "--max-requests", "39");
    assertEquals(SyngenCommand.EXIT_FAILED, capped.exit());
    assertTrue(capped.err().contains("needs 40 LLM requests, over max_requests 39"), capped.err());
    Cli.Result costly = run(cli, "a", "--max-cost", "0.005");
    assertEquals(SyngenCommand.EXIT_FAILED, costly.exit());
    assertTrue(costly.err().contains("over max_cost 0.005000"), costly.err());
    assertEquals(0, primary.requests(), "a refused run sends nothing");
    assertFalse(Files.exists(tmp.resolve("a").resolve("reviews.ndjson")), "and writes nothing");

    Cli.Result bad = run(cli, "a", "--max-cost", "-1");
    assertEquals(SyngenCommand.EXIT_INVALID, bad.exit());
    assertTrue(bad.err().contains("max_cost"), bad.err());

    // many workers and small batches: windows meet at partition boundaries and share requests
    Cli.Result ok = run(cli, "a", "--max-requests", "40", "--parallel", "8", "--batch-size", "3");
    assertEquals(0, ok.exit(), ok.err());
    assertEquals(40, primary.requests());
    Cli.Result warm = run(cli, "p", "--plan", "--format", "json");
    assertEquals(0, JSON.readTree(warm.out()).path("llm").path("total").path("requests").asLong());
    assertEquals(
        40, JSON.readTree(warm.out()).path("llm").path("total").path("cached_requests").asLong());
    // with every answer cached, a cap of 0 still lets the run through
    Cli.Result zero = run(cli, "b", "--max-requests", "0");
    assertEquals(0, zero.exit(), zero.err());
    assertEquals(written("a"), written("b"));
  }

  @Test
  void theRunRecordHoldsTheUsageAndNoFileHoldsTheKey() throws IOException {
    Cli cli = cli(POOL, 100);
    Cli.Result r = run(cli, "a", "--max-cost", "1");
    assertEquals(0, r.exit(), r.err());
    String id = runId(r.out());
    Cli.Result json = cli.run("run", "show", id, "--format", "json");
    assertEquals(0, json.exit(), json.err());
    JsonNode llm = JSON.readTree(json.out()).path("llm");
    assertEquals(2, llm.path("total").path("requests").asLong(), json.out());
    assertEquals("pool", llm.path("columns").path("reviews.review").path("mode").asText());
    assertEquals(1.0, llm.path("caps").path("max_cost").asDouble());
    assertEquals(2, llm.path("providers").path("primary").path("requests").asLong());
    Cli.Result table = cli.run("run", "show", id);
    assertTrue(table.out().contains("reviews.review (pool)"), table.out());

    Path export = tmp.resolve("answers.ndjson");
    assertEquals(0, cli.run("llm", "cache", "export", "--out", export.toString()).exit());
    for (Path root : List.of(tmp.resolve("history"), tmp.resolve("cache"), export)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(Files.readString(f).contains(KEY), f + " holds the key");
        }
      }
    }
    assertFalse(r.out().contains(KEY) || json.out().contains(KEY));
  }

  @Test
  void anExportedCacheRegeneratesTheDatasetOfflineByteIdentically() throws IOException {
    String params = POOL + "            fallback: faker_sentence\n";
    String perRow =
        """
                  mode: per_row
                  prompt: "Review #{id} with {stars} stars"
                  provider: primary
      """;
    for (String p : List.of(params, perRow)) {
      Cli online = cli(p, 120, "cache-" + p.hashCode());
      assertEquals(0, run(online, "online-" + p.hashCode()).exit());
      Path export = tmp.resolve("export-" + p.hashCode() + ".ndjson");
      Cli.Result ex = online.run("llm", "cache", "export", "-o", export.toString());
      assertEquals(0, ex.exit(), ex.err());
      int sent = primary.requests();

      Cli elsewhere = cli(p, 120, "elsewhere-" + p.hashCode());
      Cli.Result im = elsewhere.run("llm", "cache", "import", export.toString());
      assertEquals(0, im.exit(), im.err());
      assertTrue(im.out().contains("added, 0 already present"), im.out());
      Cli.Result offline = run(elsewhere, "offline-" + p.hashCode(), "--llm", "offline");
      assertEquals(0, offline.exit(), offline.err());
      assertEquals(written("online-" + p.hashCode()), written("offline-" + p.hashCode()));
      assertEquals(sent, primary.requests());
      assertTrue(
          offline.out().lines().noneMatch(l -> l.matches("\\s+total\\s+0\\s+\\d+\\s+0\\s+[1-9].*")),
          offline.out());
      Cli.Result again =
          elsewhere.run("llm", "cache", "import", export.toString(), "--format", "json");
      assertEquals(0, JSON.readTree(again.out()).path("added").asLong(), again.out());
    }
    Path bad = tmp.resolve("bad.ndjson");
    Files.writeString(bad, "{\"key\":\"nothex\",\"text\":\"x\"}\nnot json\n");
    Cli.Result refused = cli(POOL, 1).run("llm", "cache", "import", bad.toString());
    assertEquals(SyngenCommand.EXIT_INVALID, refused.exit());
    assertTrue(refused.err().contains("line 1.key"), refused.err());
    assertTrue(refused.err().contains("line 2"), refused.err());
  }

  @Test
  void llmTextScenariosGetANewConfigHashNowThatPoolIsTheDefault() throws IOException {
    String before =
        """
                  prompt: "Write a one-sentence review of a kettle"
                  provider: primary
                  max_tokens: 40
      """;
    Cli.Result plan = run(cli(before, 10), "p", "--plan", "--format", "json");
    assertEquals(0, plan.exit(), plan.err());
    // the hash this scenario had before pool mode existed (pinned from the previous version)
    String hash = JSON.readTree(plan.out()).path("config_hash").asText();
    assertEquals(64, hash.length());
    assertNotEquals(OLD_POOL_SCENARIO_HASH, hash);
  }

  static final String OLD_POOL_SCENARIO_HASH =
      "6d721624512da9b6e42785ee619fd4c6f450504f48df6f1b9fd0914e5aa9d176";

  private static String runId(String out) {
    return out.lines().findFirst().orElseThrow().split("\\s+")[1];
  }
}
