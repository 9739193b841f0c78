package dev.syngen.server.run;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.server.target.TargetSpec;

/**
 * A validated run, ready to record and execute: the compiled plan, the opened-ready target profile
 * and what is stored to reproduce it.
 */
public record PreparedRun(
    CompiledPlan plan,
    TargetProfile target,
    TargetSpec targetSpec,
    String scenarioDocument,
    String scenarioSource,
    RunOverrides overrides,
    TableMode mode,
    int parallelism) {}
