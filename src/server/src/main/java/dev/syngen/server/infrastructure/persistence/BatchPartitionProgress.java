package dev.syngen.server.infrastructure.persistence;

/** A batch partition's saved position: rows {@code [firstRow, nextRow)} are written. */
public record BatchPartitionProgress(String entity, long firstRow, long nextRow, long bytes) {}
