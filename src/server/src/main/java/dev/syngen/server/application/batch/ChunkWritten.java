package dev.syngen.server.application.batch;

/**
 * A CDI event: this executor server wrote and recorded one chunk of {@code rows} new rows. Carries
 * no run id, so nothing that counts it can grow with the runs.
 */
public record ChunkWritten(long rows) {}
