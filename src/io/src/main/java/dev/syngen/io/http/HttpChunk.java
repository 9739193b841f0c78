package dev.syngen.io.http;

/** One POST body (NDJSON or a JSON array) of {@code count} records from {@code firstRow}. */
record HttpChunk(long firstRow, int count, byte[] body, String weights, long bytes) {}
