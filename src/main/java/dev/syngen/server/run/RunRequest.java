package dev.syngen.server.run;

import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.sink.TableMode;
import dev.syngen.server.target.TargetSpec;

/**
 * A request to plan or start a run: a scenario by id or as a document, a target by id or inline
 * (neither: the server's default target), the overrides, table mode and parallelism (null: the
 * server's default).
 */
public record RunRequest(
    String scenarioId,
    String scenarioDocument,
    String targetId,
    TargetSpec target,
    RunOverrides overrides,
    TableMode mode,
    Integer parallelism) {}
