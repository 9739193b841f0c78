package dev.syngen.server.application.batch;

import java.time.Duration;

/**
 * A CDI event: this executor server wrote and recorded one chunk of {@code rows} new rows, after
 * the order's message waited {@code queued} in the partition queue (from the dispatcher's send, by
 * the message's JMS timestamp: the two servers' clocks must agree; null for the order's later
 * chunks, which did not wait) and took {@code writing} from the take, or the end of the chunk
 * before it, to its record in the history database. Carries no run id, so nothing that counts it
 * can grow with the runs.
 */
public record ChunkWritten(long rows, Duration queued, Duration writing) {}
