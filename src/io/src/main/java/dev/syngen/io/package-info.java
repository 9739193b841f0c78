/**
 * Plain-Java adapters from the core ports to real technologies: scenario and target documents
 * (YAML), file formats, databases (JDBC with PostgreSQL COPY, MariaDB, SQLite; ClickHouse over
 * HTTP), message brokers (Kafka, NATS, JMS, HTTP), schema and profile readers, the run history, LLM
 * providers, the index gate's database side and connection probes. Nothing here depends on the CLI,
 * the benchmarks or the server.
 */
package dev.syngen.io;
