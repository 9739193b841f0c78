/** The Kafka target: an idempotent producer, one topic per entity, records keyed by a column. */
package dev.syngen.io.kafka;
