package dev.syngen.io.jms;

/** The text bodies of one batch (JMS messages are made on the writing thread, by its session). */
record JmsChunk(long firstRow, String[] bodies, String[] weights, long bytes) {}
