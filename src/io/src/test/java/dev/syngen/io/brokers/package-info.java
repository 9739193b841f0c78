/** Real brokers for the fan-out tests: embedded Artemis, in-JVM Kafka, nats-server, HTTP. */
package dev.syngen.io.brokers;
