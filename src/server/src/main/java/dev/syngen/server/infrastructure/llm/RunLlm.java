package dev.syngen.server.infrastructure.llm;

import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmText;
import dev.syngen.core.llm.LlmUsage;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The LLM side of one run (or one check): the mode it was asked for and, once a column uses {@code
 * llm_text}, the service over the current profiles that holds the run's limits, circuits and usage.
 * A run without llm_text columns never reads the profiles, so a broken profile cannot stop it.
 */
public final class RunLlm implements AutoCloseable {
  private static final GeneratorFactory SHAPE = LlmText.factory(LlmService.none());

  private final Supplier<LlmService> open;
  private final LlmService.Mode mode;
  private final dev.syngen.core.llm.LlmBudget budget;
  private LlmService service; // guarded by this
  private java.util.Map<String, Object> estimated; // guarded by this

  public RunLlm(
      Supplier<LlmService> open, LlmService.Mode mode, dev.syngen.core.llm.LlmBudget budget) {
    this.open = open;
    this.mode = mode;
    this.budget = budget;
  }

  /** What the run's requests may spend, and have spent (earlier executions' included). */
  public dev.syngen.core.llm.LlmBudget budget() {
    return budget;
  }

  /** {@code llm_text}, bound to this run's service (opened by the first column that uses it). */
  public GeneratorFactory factory() {
    return GeneratorFactory.of(SHAPE.name(), SHAPE.summary(), this::create);
  }

  public LlmService.Mode mode() {
    return mode;
  }

  /** The service the run's llm_text columns are bound to; empty when none uses llm_text. */
  public synchronized Optional<LlmService> opened() {
    return Optional.ofNullable(service);
  }

  /** Whether a column uses llm_text. */
  public synchronized boolean used() {
    return service != null;
  }

  /**
   * What the run's llm_text columns will ask before anything is sent (the plan's estimate, as
   * {@link dev.syngen.core.llm.LlmReports} shows it); empty when none uses llm_text. Throws {@link
   * dev.syngen.core.llm.LlmCapReached} when the estimate passes a cap of the run.
   */
  public synchronized Optional<java.util.Map<String, Object>> estimate(
      dev.syngen.core.plan.CompiledPlan plan) {
    if (service == null) {
      return Optional.empty();
    }
    java.util.Map<Long, dev.syngen.core.llm.LlmEstimate> est = service.estimate();
    if (service.budget().capped()) {
      service.checkCaps(est);
    }
    return Optional.of(dev.syngen.core.llm.LlmReports.estimate(plan, est, service.budget()));
  }

  /** Keeps the plan's estimate for the plan's answer. */
  public synchronized void estimated(java.util.Map<String, Object> estimate) {
    this.estimated = estimate;
  }

  /** The estimate kept by {@link #estimated}, or null. */
  public synchronized java.util.Map<String, Object> estimated() {
    return estimated;
  }

  /** What the run's llm_text columns asked and cost; empty when none uses llm_text. */
  public synchronized Optional<LlmUsage> usage() {
    return Optional.ofNullable(service).map(LlmService::usage);
  }

  @Override
  public synchronized void close() {
    if (service != null) {
      service.close();
    }
  }

  private dev.syngen.core.generate.Generator create(GeneratorContext ctx) {
    LlmService llm;
    try {
      llm = service();
    } catch (RuntimeException e) {
      ctx.params()
          .problem(
              "provider",
              "the LLM provider profiles cannot be read: " + e.getMessage(),
              "fix the profile named (see docs/llm.md)");
      return null;
    }
    return LlmText.factory(llm).create(ctx);
  }

  private synchronized LlmService service() {
    if (service == null) {
      service = open.get();
    }
    return service;
  }
}
