/**
 * OpenTelemetry spans of runs, their entities and sampled target writes (Liberty's mpTelemetry),
 * kept out of the engine: the run's span reaches the sinks only as a W3C traceparent string.
 */
package dev.syngen.server.infrastructure.tracing;
