package dev.syngen.server.application.run;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.infrastructure.llm.RunLlm;

/**
 * A validated run, ready to record and execute: the compiled plan, the opened-ready target profile
 * and what is stored to reproduce it: the overrides, scale band and traffic the run was asked for;
 * and the run's LLM side (mode, the providers its llm_text columns use, their usage).
 */
public record PreparedRun(
    CompiledPlan plan,
    TargetProfile target,
    TargetSpec targetSpec,
    String scenarioDocument,
    String scenarioSource,
    RunOverrides overrides,
    String band,
    TrafficRequest traffic,
    TableMode mode,
    int parallelism,
    RunLlm llm) {
  /** What is stored with the run to rebuild these overrides, band and traffic exactly. */
  public java.util.Map<String, Object> recordedOverrides() {
    return OverridesCodec.toMap(overrides, band, traffic);
  }
}
