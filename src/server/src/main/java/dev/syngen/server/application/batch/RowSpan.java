package dev.syngen.server.application.batch;

/** One chunk's rows {@code [from, to)} of a partition: the item the reader hands the writer. */
public record RowSpan(long from, long to) {}
