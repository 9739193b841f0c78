package dev.syngen.server.application.batch;

/**
 * A batch partition's saved position: rows {@code [firstRow, nextRow)} of {@code entity} are
 * written, by the server named {@code server} ({@code <Liberty server>@<host>}), which recorded
 * {@code error} when it failed a chunk (null otherwise); {@code redispatched} counts its chunks the
 * dispatcher sent again because no executor reported them written in time.
 */
public record PartitionProgress(
    String entity,
    long firstRow,
    long nextRow,
    long bytes,
    String server,
    String error,
    int redispatched) {}
