package dev.syngen.core.indexgate;

/**
 * One query of a query set: its name, what it stands for, and its SQL (one read-only statement).
 */
public record NamedQuery(String name, String description, String sql) {}
