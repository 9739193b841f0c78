package dev.syngen.server.infrastructure.persistence;

/**
 * How far a batch partition has come as its row says now: the next row to write, its bytes, the
 * server that wrote its last chunk and, when that chunk failed there, why; and the server that last
 * took one of its chunks from the queue (null before any executor recorded a take).
 */
public record ChunkPosition(
    long nextRow, long bytes, String server, String error, String takenBy) {}
