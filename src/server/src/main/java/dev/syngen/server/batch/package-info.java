/**
 * Big runs as a Jakarta Batch partitioned chunk job: thin batch artifacts (mapper, reader, writer,
 * batchlet, listener) around the core's row partitions and range writer.
 */
package dev.syngen.server.batch;
