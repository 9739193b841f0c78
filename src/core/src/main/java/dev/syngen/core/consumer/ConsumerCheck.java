package dev.syngen.core.consumer;

/**
 * What a consumer received of one entity of one run: {@code received} distinct rows, {@code
 * duplicates} repeats of a row already received, {@code unexpected} rows outside {@code 0 …
 * expected-1}, {@code untracked} rows beyond the tally's size limit (counted, not verified). {@code
 * expected} and {@code missing} are null until the end-of-entity message has arrived. Complete: the
 * end has arrived and every row {@code 0 … expected-1} arrived exactly once, and nothing else.
 */
public record ConsumerCheck(
    String runId,
    String entity,
    Long expected,
    long received,
    long duplicates,
    Long missing,
    long unexpected,
    long untracked,
    boolean complete) {}
