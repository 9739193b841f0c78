package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.io.llm.OpenAiStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * llm_text end to end through the command line, against OpenAI-compatible servers started by the
 * test: determinism across --parallel and batch sizes, free reruns, offline mode, fallback,
 * validation before writing, and the API key kept out of every output.
 */
class LlmCliTest {
  static final String KEY = "sk-cli-test-5e4d3c2b1a0f";

  static final String SCENARIO =
      """
      name: reviews
      seed: 7
      as_of: "2026-01-01T00:00:00Z"
      entities:
        - name: reviews
          rows: 40
          columns:
            - {name: id, type: bigint, generator: {type: sequence}}
            - {name: product_name, type: text, generator: {type: choice, params: {values: [kettle, toaster, lamp]}}}
            - {name: stars, type: int, generator: {type: uniform_int, params: {min: 1, max: 5}}}
            - name: review
              type: text
              generator:
                type: llm_text
                params:
                  mode: per_row
                  prompt: "Write a one-sentence review of {product_name}, {stars} stars"
                  provider: %s
                  max_tokens: 60
                  system: "You write short product reviews."
      """;

  @TempDir Path tmp;
  OpenAiStub primary;
  OpenAiStub fallback;

  @BeforeEach
  void start() throws IOException {
    primary = new OpenAiStub("primary");
    fallback = new OpenAiStub("fallback");
    Path llm = Files.createDirectories(tmp.resolve("llm"));
    Files.writeString(
        llm.resolve("primary.yaml"),
        "base_url: "
            + primary.baseUrl()
            + "\nmodel: small-model\napi_key_env: TEST_LLM_KEY\nmax_concurrency: 4\n"
            + "max_retries: 0\ncircuit_failures: 3\n"
            + "price_input_per_million: 0.15\nprice_output_per_million: 0.60\n");
    Files.writeString(
        llm.resolve("fallback.yaml"), "base_url: " + fallback.baseUrl() + "\nmodel: other-model\n");
  }

  @AfterEach
  void stop() {
    primary.close();
    fallback.close();
  }

  private Cli cli(String provider, Map<String, String> env) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(dir.resolve("reviews.yaml"), SCENARIO.formatted(provider));
    return new Cli(
        dir,
        Path.of("targets"),
        tmp.resolve("history"),
        env::get,
        List.of("--llm-dir=" + tmp.resolve("llm"), "--llm-cache-dir=" + tmp.resolve("cache")));
  }

  private Cli cli(String provider) throws IOException {
    return cli(provider, Map.of("TEST_LLM_KEY", KEY));
  }

  private Cli.Result run(Cli cli, String out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
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

  @Test
  void warmCacheRerunsAreByteIdenticalAcrossParallelismAndBatchesAndFree() throws IOException {
    Cli cli = cli("primary");
    Cli.Result first = run(cli, "a", "--parallel", "1", "--batch-size", "7");
    assertEquals(0, first.exit(), first.err());
    assertEquals(40, primary.requests());
    String a = written("a");
    assertTrue(a.contains("primary says (small-model"), a);
    assertTrue(a.contains("about Write a one-sentence review of"), a);
    assertTrue(first.out().contains("LLM usage"), first.out());
    assertTrue(first.out().contains("reviews.review"), first.out());

    Cli.Result second = run(cli, "b", "--parallel", "4", "--batch-size", "3");
    assertEquals(0, second.exit(), second.err());
    assertEquals(40, primary.requests(), "a rerun with a warm cache must send nothing");
    assertEquals(a, written("b"));
    assertTrue(
        second.out().lines().anyMatch(l -> l.matches("\\s+total\\s+0\\s+40\\s.*")), second.out());

    Cli.Result offline = run(cli, "c", "--parallel", "3", "--llm", "offline");
    assertEquals(0, offline.exit(), offline.err());
    assertEquals(a, written("c"));
    assertEquals(40, primary.requests());
  }

  @Test
  void eachCellCarriesItsOwnSeedAndTheUsageCountsTokensAndCost() throws IOException {
    Cli.Result r = run(cli("primary"), "a", "--parallel", "2");
    assertEquals(0, r.exit(), r.err());
    long seeds =
        primary.seen().stream().map(s -> s.body().path("seed").asLong()).distinct().count();
    assertEquals(40, seeds, "every row must be asked with its own seed");
    assertTrue(primary.seen().stream().allMatch(s -> s.body().path("temperature").asDouble() == 0));
    String total = r.out().lines().filter(l -> l.trim().startsWith("total")).findFirst().orElse("");
    // 40 answers of 20 output tokens each
    assertTrue(
        total.matches("\\s+total\\s+40\\s+0\\s+0\\s+0\\s+[\\d,]+\\s+800\\s+0\\.\\d{4}\\s.*"),
        r.out());
  }

  @Test
  void offlineWithAnEmptyCacheFailsClearlyAndSendsNothing() throws IOException {
    Cli.Result r = run(cli("primary", Map.of()), "a", "--llm", "offline");
    assertEquals(SyngenCommand.EXIT_FAILED, r.exit());
    assertTrue(r.err().contains("no cached answer"), r.err());
    assertTrue(r.err().contains("offline"), r.err());
    assertEquals(0, primary.requests());
  }

  @Test
  void aFailingPrimaryFallsBackAndTheRunSaysSo() throws IOException {
    primary.failAlways(500);
    Cli.Result r = run(cli("[primary, fallback]"), "a", "--parallel", "1");
    assertEquals(0, r.exit(), r.err());
    // the circuit opens after 3 failures; requests already in flight (max_concurrency 4) finish
    assertTrue(
        primary.requests() >= 3 && primary.requests() <= 6,
        "the open circuit must keep requests off the primary: " + primary.requests());
    assertEquals(40, fallback.requests());
    assertTrue(written("a").contains("fallback says (other-model"));
    String total = r.out().lines().filter(l -> l.trim().startsWith("total")).findFirst().orElse("");
    assertTrue(total.matches("\\s+total\\s+40\\s+0\\s+40\\s.*"), r.out());
  }

  @Test
  void invalidLlmConfigurationIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(
        dir.resolve("reviews.yaml"),
        SCENARIO.formatted("[primary, nowhere]").replace("{stars} stars", "{colour}"));
    Cli cli =
        new Cli(
            dir,
            Path.of("targets"),
            tmp.resolve("history"),
            n -> null,
            List.of("--llm-dir=" + tmp.resolve("llm"), "--llm-cache-dir=" + tmp.resolve("cache")));
    Cli.Result r = run(cli, "never");
    assertEquals(SyngenCommand.EXIT_INVALID, r.exit(), r.err());
    assertTrue(r.err().contains("generator.params.provider"), r.err());
    assertTrue(r.err().contains("no LLM provider 'nowhere'"), r.err());
    assertTrue(r.err().contains("TEST_LLM_KEY, which is not set"), r.err());
    assertTrue(r.err().contains("export TEST_LLM_KEY"), r.err());
    assertTrue(r.err().contains("colour"), r.err());
    assertFalse(Files.exists(tmp.resolve("never")), "nothing may be written");
    assertEquals(0, primary.requests());
  }

  @Test
  void theApiKeyAppearsInNoOutputRecordCacheOrFile() throws IOException {
    Cli cli = cli("primary");
    Cli.Result ok = run(cli, "a");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(primary.seen().stream().allMatch(s -> ("Bearer " + KEY).equals(s.authorization())));
    primary.failAlways(401); // the stub quotes the key, as OpenAI does
    Files.writeString(
        tmp.resolve("scenarios/reviews.yaml"),
        SCENARIO.formatted("primary").replace("one-sentence", "two-sentence"));
    Cli.Result failed = run(cli, "b");
    assertEquals(SyngenCommand.EXIT_FAILED, failed.exit());
    assertTrue(failed.err().contains("HTTP 401"), failed.err());
    Cli.Result test = cli.run("llm", "test", "primary");
    Cli.Result list = cli.run("llm", "list", "--format", "json");
    Cli.Result shown = cli.run("run", "list", "--format", "json");
    for (Cli.Result r : List.of(ok, failed, test, list, shown)) {
      assertFalse(r.out().contains(KEY) || r.err().contains(KEY), r.out() + r.err());
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(f).contains(KEY), "the key is in " + f);
      }
    }
  }

  @Test
  void llmTestReportsLatencyModelAndTokens() throws IOException {
    Cli cli = cli("primary");
    Cli.Result r = cli.run("llm", "test", "primary");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out()
            .matches(
                "(?s)provider primary OK: model small-model answered in \\d+ ms \\(\\d+ input \\+ 20 output tokens.*"),
        r.out());
    assertEquals(1, primary.requests());
    Cli.Result unknown = cli.run("llm", "test", "nowhere");
    assertEquals(SyngenCommand.EXIT_INVALID, unknown.exit());
    assertTrue(
        unknown.err().contains("no LLM provider 'nowhere'; configured: fallback, primary"),
        unknown.err());
  }
}
