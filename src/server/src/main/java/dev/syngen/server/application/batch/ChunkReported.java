package dev.syngen.server.application.batch;

import java.time.Duration;

/**
 * A CDI event: a dispatcher saw one chunk reported written in the history database, {@code
 * roundTrip} after it first sent the chunk's order or, for a chunk its order already covered, after
 * it began waiting for it (sends again included). With the executors' queue wait and write time it
 * shows what dispatching costs per chunk (docs/scale-out.md). Carries no run id.
 */
public record ChunkReported(Duration roundTrip) {}
