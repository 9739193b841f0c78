package dev.syngen.core.generate;

import dev.syngen.core.scenario.ColumnType;

/**
 * A compiled column another column can reference: enough to recompute any of its cells without
 * holding values in memory.
 */
public record ColumnRef(
    String entity, String column, ColumnType type, Generator generator, long key, long rows) {}
