package dev.syngen.core.scenario;

/** One column of an entity. {@code nullRate} applies only when {@code nullable} is true. */
public record Column(
    String name,
    ColumnType type,
    boolean nullable,
    double nullRate,
    boolean unique,
    GeneratorSpec generator) {}
