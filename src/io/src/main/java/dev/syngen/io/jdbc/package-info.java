/** JDBC targets: PostgreSQL through COPY (binary or text) and SQLite through batched inserts. */
package dev.syngen.io.jdbc;
