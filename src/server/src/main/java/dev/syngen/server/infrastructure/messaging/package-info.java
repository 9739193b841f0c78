/**
 * Liberty's embedded messaging: the container's JMS connection factories and JTA transactions for
 * {@code jms} targets.
 */
package dev.syngen.server.infrastructure.messaging;
