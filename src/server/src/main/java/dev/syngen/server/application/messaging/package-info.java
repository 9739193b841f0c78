/**
 * Consumer verification: the message a run's consumer receives and whether a run's messages arrived
 * complete, stored and counted per run.
 */
package dev.syngen.server.application.messaging;
