package dev.syngen.io.file;

/**
 * One encoded batch: its bytes ({@code data[0, size)}, the encoder's own buffer, not a copy) and,
 * when rotation or audit needs record boundaries, the end offset of each record (else null).
 */
record FileChunk(long firstRow, byte[] data, int size, int[] ends) {}
