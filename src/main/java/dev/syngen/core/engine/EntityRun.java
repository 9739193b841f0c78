package dev.syngen.core.engine;

/** One entity's part of a run record: planned and written rows, and how long it took. */
public record EntityRun(
    String entity, String table, long rowsPlanned, long rowsWritten, long durationMillis) {}
