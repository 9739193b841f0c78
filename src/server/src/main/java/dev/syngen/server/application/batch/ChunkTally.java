package dev.syngen.server.application.batch;

/**
 * What an executor server has done since it started: chunks it is writing now, and chunks and rows
 * it has written and recorded (rows its target already held count as none).
 */
public record ChunkTally(int running, long written, long rows) {}
