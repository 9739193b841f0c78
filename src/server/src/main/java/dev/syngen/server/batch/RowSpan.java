package dev.syngen.server.batch;

/** One chunk's rows {@code [from, to)} of a partition: the item the reader hands the writer. */
record RowSpan(long from, long to) {}
