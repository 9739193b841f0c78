package dev.syngen.server.application.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.llm.ChatAnswer;
import dev.syngen.core.llm.ChatTransport;
import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmCache;
import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import dev.syngen.server.infrastructure.llm.RunLlm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * llm_text in ad-hoc generation: the cache answers, the fallback writes the misses, nothing is
 * sent, and the counts match what the cells hold.
 */
class CachedLlmTextTest {
  private static final LlmProvider STUB =
      new LlmProvider(
          "stub",
          "http://127.0.0.1:1/v1",
          "m",
          null,
          Duration.ofSeconds(5),
          4,
          0,
          0,
          0,
          0,
          0,
          5,
          Duration.ofSeconds(30));

  private final Map<String, ChatAnswer> stored = new ConcurrentHashMap<>();
  private final LlmCache cache =
      new LlmCache() {
        @Override
        public Optional<ChatAnswer> get(String key) {
          return Optional.ofNullable(stored.get(key));
        }

        @Override
        public ChatAnswer putIfAbsent(String key, ChatAnswer answer) {
          ChatAnswer before = stored.putIfAbsent(key, answer);
          return before == null ? answer : before;
        }
      };
  private final AtomicInteger sent = new AtomicInteger();

  /** Answers a free-text request with its prompt, a pool request with two values of its seed. */
  private final ChatTransport transport =
      (p, k, r) -> {
        sent.incrementAndGet();
        String text =
            r.jsonSchema() == null
                ? "answer to " + r.prompt()
                : "{\"values\":[\"a" + r.seed() + "\",\"b" + r.seed() + "\"]}";
        return new ChatAnswer(text, r.model(), 1, 1);
      };

  private static String scenario(long rows, String params) {
    return """
        id: reviews
        name: reviews
        seed: 1
        entities:
          - name: t
            rows: %d
            columns:
              - {name: id, type: bigint, generator: {type: sequence}}
              - name: review
                type: text
                generator: {type: llm_text, params: {%s}}
        """
        .formatted(rows, params);
  }

  private RunLlm binding(LlmService.Mode mode) {
    return new RunLlm(
        () -> new LlmService(Map.of("stub", STUB), transport, cache, n -> null, mode),
        mode,
        LlmBudget.unlimited());
  }

  private static CompiledPlan compile(String yaml, RunLlm llm) {
    Problems problems = new Problems();
    Scenario s = ScenarioDocuments.read(yaml, "inline", "", problems);
    assertNotNull(s, problems.list().toString());
    CompiledPlan plan =
        new PlanCompiler(GeneratorRegistry.builtins().with(llm.factory()))
            .compile(s, dev.syngen.core.plan.RunOverrides.NONE, problems);
    assertNotNull(plan, problems.list().toString());
    return plan;
  }

  private static List<String> texts(CompiledPlan plan) {
    CompiledColumn c = plan.entities().get(0).columns().get(1);
    List<String> out = new ArrayList<>();
    for (long r = 0; r < plan.entities().get(0).rows(); r++) {
      out.add(c.generator().stringAt(c.key(), r));
    }
    return out;
  }

  /** Fills the cache as a run of {@code rows} rows would, online. */
  private List<String> run(long rows, String params) {
    try (RunLlm online = binding(LlmService.Mode.ONLINE)) {
      return texts(compile(scenario(rows, params), online));
    }
  }

  @Test
  void perRowReadsTheCachedRowsAndTheFallbackWritesTheRestWithoutSending() {
    String params =
        "mode: per_row, prompt: \"Review {id}\", provider: stub, fallback: faker_sentence";
    List<String> paid = run(2, params);
    int afterRun = sent.get();
    assertEquals(2, afterRun);

    try (RunLlm offline = binding(LlmService.Mode.OFFLINE)) {
      CompiledPlan plan = compile(scenario(5, params), offline);
      CachedLlmText.Sources sources =
          CachedLlmText.check(plan, offline.opened().orElseThrow(), 100);
      List<String> texts = texts(plan);

      assertEquals(new CachedLlmText.Sources(2, 3), sources);
      assertEquals(paid, texts.subList(0, 2), "the run's answers for the same rows");
      for (String t : texts.subList(2, 5)) {
        assertTrue(!t.startsWith("answer to"), t);
      }
      assertEquals(texts, texts(plan), "fallback values are a pure function of the row");
    }
    assertEquals(afterRun, sent.get(), "an offline pass sends nothing");
  }

  @Test
  void aPoolIsReadFromTheCacheWholeOrWrittenByTheFallback() {
    String params =
        "prompt: \"Write a review\", provider: stub, pool_size: 4, pool_batch: 2,"
            + " fallback: faker_sentence";
    try (RunLlm cold = binding(LlmService.Mode.OFFLINE)) {
      CompiledPlan plan = compile(scenario(50, params), cold);
      assertEquals(
          new CachedLlmText.Sources(0, 50),
          CachedLlmText.check(plan, cold.opened().orElseThrow(), 100));
    }
    List<String> paid = run(50, params);
    int afterRun = sent.get();
    assertEquals(2, afterRun, "two batches fill the pool");
    try (RunLlm warm = binding(LlmService.Mode.OFFLINE)) {
      CompiledPlan plan = compile(scenario(50, params), warm);
      assertEquals(
          new CachedLlmText.Sources(50, 0),
          CachedLlmText.check(plan, warm.opened().orElseThrow(), 100));
      assertEquals(paid, texts(plan));
    }
    assertEquals(afterRun, sent.get());
  }

  @Test
  void aColumnWithoutFallbackAndAPerRowCountOverTheLimitAreRefusedWithTheirFix() {
    try (RunLlm offline = binding(LlmService.Mode.OFFLINE)) {
      CompiledPlan plan =
          compile(scenario(101, "mode: per_row, prompt: \"Review {id}\", provider: stub"), offline);
      ValidationException e =
          assertThrows(
              ValidationException.class,
              () -> CachedLlmText.check(plan, offline.opened().orElseThrow(), 100));
      List<String> paths = e.problems().stream().map(Problem::path).toList();
      assertEquals(List.of("entities[0].columns[1].generator.params.fallback", "count"), paths);
      Problem fallback = e.problems().get(0);
      assertTrue(fallback.message().contains("'t.review' has no fallback"), fallback.message());
      assertTrue(fallback.fix().contains("fallback: faker_sentence"), fallback.fix());
      Problem count = e.problems().get(1);
      assertTrue(count.message().contains("at most 100"), count.message());
      assertTrue(count.message().contains("got 101"), count.message());
    }
    assertEquals(0, sent.get());
  }

  @Test
  void aPoolPromptOverMaxPoolsIsRefused() {
    try (RunLlm offline = binding(LlmService.Mode.OFFLINE)) {
      CompiledPlan plan =
          compile(
              scenario(
                  10,
                  "prompt: \"Review {id}\", provider: stub, max_pools: 3, fallback: faker_sentence"),
              offline);
      ValidationException e =
          assertThrows(
              ValidationException.class,
              () -> CachedLlmText.check(plan, offline.opened().orElseThrow(), 100));
      assertEquals("t.review", e.problems().get(0).path());
      assertNotEquals(-1, e.problems().get(0).message().indexOf("max_pools 3"));
    }
  }
}
