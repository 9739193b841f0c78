package dev.syngen.io.jdbc;

/**
 * A column of a table that already exists in the target, as its catalogue describes it.
 *
 * @param type the database's type name ({@code int4}, {@code INTEGER}, …)
 * @param hasDefault true when the database fills the column if an insert leaves it out
 * @param generated true for computed columns, which cannot be written
 */
public record ExistingColumn(
    String name, String type, boolean notNull, boolean hasDefault, boolean generated) {}
