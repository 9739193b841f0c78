package dev.syngen.server.infrastructure.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmCache;
import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run's LLM side opens its service only for llm_text columns and reports broken profiles. */
class RunLlmTest {
  private static final String PLAIN =
      """
      id: plain
      name: plain
      seed: 1
      entities:
        - name: t
          rows: 3
          columns:
            - {name: id, type: bigint, generator: {type: sequence}}
      """;
  private static final String WITH_LLM =
      """
      id: reviews
      name: reviews
      seed: 1
      entities:
        - name: t
          rows: 3
          columns:
            - {name: id, type: bigint, generator: {type: sequence}}
            - name: review
              type: text
              generator: {type: llm_text, params: {mode: per_row, prompt: "Review {id}", provider: stub}}
      """;

  private static CompiledPlan compile(String yaml, RunLlm llm, Problems problems) {
    Scenario s = ScenarioDocuments.read(yaml, "inline", "", problems);
    assertNotNull(s, problems.list().toString());
    return new PlanCompiler(GeneratorRegistry.builtins().with(llm.factory()))
        .compile(s, RunOverrides.NONE, problems);
  }

  private static LlmService offline() {
    LlmProvider stub =
        new LlmProvider(
            "stub",
            "http://127.0.0.1:1/v1",
            "m",
            "UNSET_SYNGEN_TEST_KEY",
            Duration.ofSeconds(5),
            4,
            0,
            0,
            0,
            0,
            0,
            5,
            Duration.ofSeconds(30));
    return new LlmService(
        Map.of("stub", stub),
        (p, k, r) -> {
          throw new AssertionError("nothing is sent while compiling");
        },
        LlmCache.NONE,
        n -> null,
        LlmService.Mode.OFFLINE);
  }

  @Test
  void aRunWithoutLlmTextNeverReadsTheProfiles() {
    RunLlm llm =
        new RunLlm(
            () -> {
              throw new AssertionError("the profiles are not read");
            },
            LlmService.Mode.ONLINE,
            LlmBudget.unlimited());
    Problems problems = new Problems();
    assertNotNull(compile(PLAIN, llm, problems), problems.list().toString());
    assertFalse(llm.used());
    assertTrue(llm.usage().isEmpty());
    llm.close();
  }

  @Test
  void llmTextColumnsShareOneServiceWhoseUsageTheRunReports() {
    AtomicInteger opened = new AtomicInteger();
    RunLlm llm =
        new RunLlm(
            () -> {
              opened.incrementAndGet();
              return offline();
            },
            LlmService.Mode.OFFLINE,
            LlmBudget.unlimited());
    Problems problems = new Problems();
    assertNotNull(compile(WITH_LLM, llm, problems), problems.list().toString());
    assertNotNull(compile(WITH_LLM, llm, new Problems()));
    assertEquals(1, opened.get());
    assertTrue(llm.used());
    assertEquals(0, llm.usage().orElseThrow().total().requests());
    assertEquals(LlmService.Mode.OFFLINE, llm.mode());
    llm.close();
  }

  @Test
  void aBrokenProfileIsAProblemAtTheColumnsProvider() {
    RunLlm llm =
        new RunLlm(
            () -> {
              throw new IllegalStateException("llm provider 'llm/bad.yaml' is invalid");
            },
            LlmService.Mode.ONLINE,
            LlmBudget.unlimited());
    Problems problems = new Problems();
    assertNull(compile(WITH_LLM, llm, problems));
    String all = problems.list().toString();
    assertTrue(all.contains("generator.params.provider"), all);
    assertTrue(all.contains("cannot be read: llm provider 'llm/bad.yaml' is invalid"), all);
  }
}
