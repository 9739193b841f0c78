/**
 * The example message-driven consumer that reports a run's messages as they arrive
 * (docs/consumers.md).
 */
package dev.syngen.server.interfaces.messaging;
