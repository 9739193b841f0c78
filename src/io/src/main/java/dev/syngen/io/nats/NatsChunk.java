package dev.syngen.io.nats;

import io.nats.client.Message;

/** The messages of one batch, with their headers, built on a worker thread. */
record NatsChunk(long firstRow, Message[] messages, long bytes) {}
