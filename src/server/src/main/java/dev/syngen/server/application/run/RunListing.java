package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;

/** A run as a list of the history shows it: its record and the user who started it. */
public record RunListing(RunRecord run, String createdBy) {}
