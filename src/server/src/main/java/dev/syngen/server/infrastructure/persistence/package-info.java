/**
 * The run-history database: JPA entities and the repositories that read and write them (runs, run
 * logs, the audit log, targets, fidelity reports, batch partitions, LLM usage).
 *
 * <p>A class named {@code <Type>Entity} is the JPA entity that stores a {@code <Type>}: {@link
 * RunRecordEntity} stores a core {@code RunRecord}, {@link EntityProgressEntity} one of its {@code
 * EntityProgress} (a scenario entity's part of the run). Repositories ({@code Jpa*}) return
 * application or core types, never these entities; the schema itself is written by the Liquibase
 * changelog in {@code db/migration}.
 */
package dev.syngen.server.infrastructure.persistence;
