package dev.syngen.core.scenario;

/**
 * An entity's row count declared per parent row: each row of {@code parent} gets {@code count}
 * children (a whole-number generator evaluated at the parent row), except a {@code heavyShare} of
 * parents that get {@code heavyCount} instead. {@code heavyCount} is null when there are no heavy
 * parents.
 */
public record RowsPerParent(
    String parent, GeneratorSpec count, double heavyShare, GeneratorSpec heavyCount) {}
