package dev.syngen.server.application.indexgate;

import dev.syngen.core.indexgate.GateOptions;

/**
 * A gate to run: a stored target, and either a pack's query set ({@code pack}; {@code ddl} then
 * replaces the pack's indexes when given) or a query set and DDL as text, with the options.
 */
public record IndexGateRequest(
    String target, String pack, String queries, String ddl, GateOptions options) {}
