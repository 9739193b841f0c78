/**
 * Big runs as Jakarta Batch partitioned chunk jobs, one per dependency level: launching, chaining,
 * restarting and stopping them, and the state their artifacts (in interfaces.batch) share.
 */
package dev.syngen.server.application.batch;
