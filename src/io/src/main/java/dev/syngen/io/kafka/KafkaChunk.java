package dev.syngen.io.kafka;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The records of one batch, built with their headers on a worker thread. */
record KafkaChunk(List<ProducerRecord<byte[], byte[]>> records, long bytes) {}
