package dev.syngen.io.file;

/**
 * One encoded batch: its bytes and, when rotation or audit needs record boundaries, the end offset
 * of each record (else null).
 */
record FileChunk(long firstRow, byte[] data, int[] ends) {}
