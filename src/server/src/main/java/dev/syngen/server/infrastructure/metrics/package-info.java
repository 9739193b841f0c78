/**
 * MicroProfile Metrics at /metrics: records, bytes, latency and errors by target kind and entity,
 * run durations, active runs and queue depth. Fed by a run listener and a sink decorator; no run id
 * and no DSN ever becomes a label.
 */
package dev.syngen.server.infrastructure.metrics;
