/**
 * The index gate against real databases: PostgreSQL and MariaDB connections that capture {@code
 * EXPLAIN ANALYZE} plans, apply and roll back index DDL, and store baselines as JSON.
 */
package dev.syngen.io.indexgate;
