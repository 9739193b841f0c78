package dev.syngen.server.application.run;

import dev.syngen.server.application.target.TargetSpec;

/**
 * What the server keeps about a run besides its {@link dev.syngen.core.engine.RunRecord}: the exact
 * scenario document and target it ran with, so a restart or rerun reproduces it, and who started it
 * under which trace id.
 */
public record RunSpec(
    String scenarioDocument,
    TargetSpec target,
    int batchSize,
    String traceId,
    String createdBy,
    String rerunOf) {}
