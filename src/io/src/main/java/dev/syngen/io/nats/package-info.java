/** The NATS target: core publish, or JetStream publish with acks and de-duplicating message ids. */
package dev.syngen.io.nats;
