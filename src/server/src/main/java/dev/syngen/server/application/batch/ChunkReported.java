package dev.syngen.server.application.batch;

import java.time.Duration;

/**
 * A CDI event: a dispatcher saw one chunk it sent reported written in the history database, {@code
 * roundTrip} after it first sent it (sends again included). With the executors' queue wait and
 * write time it shows what dispatching costs per chunk (docs/scale-out.md). Carries no run id.
 */
public record ChunkReported(Duration roundTrip) {}
