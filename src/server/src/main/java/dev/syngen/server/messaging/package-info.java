/**
 * Liberty's embedded messaging: the container's JMS connection factories for {@code jms} targets
 * and the example consumer that verifies a run's messages arrived complete (docs/consumers.md).
 */
package dev.syngen.server.messaging;
