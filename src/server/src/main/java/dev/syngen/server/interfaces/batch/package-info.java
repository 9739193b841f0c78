/**
 * The Jakarta Batch artifacts of the syngen-run job: mapper, batchlet, reader, writer, listener.
 */
package dev.syngen.server.interfaces.batch;
