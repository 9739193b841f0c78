/**
 * The {@code clickhouse} target: MergeTree tables written over ClickHouse's HTTP interface in
 * RowBinary, with pre- and post-ingestion checks, a target test and a table source for fidelity.
 */
package dev.syngen.io.clickhouse;
