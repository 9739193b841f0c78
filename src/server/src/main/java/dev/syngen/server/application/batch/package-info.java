/**
 * Big runs as a Jakarta Batch partitioned chunk job: launching, restarting and stopping it, and the
 * state its artifacts (in interfaces.batch) share while it runs.
 */
package dev.syngen.server.application.batch;
