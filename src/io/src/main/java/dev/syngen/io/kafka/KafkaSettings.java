package dev.syngen.io.kafka;

import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.message.Destinations;
import dev.syngen.io.message.KeyColumns;
import dev.syngen.io.message.OptionReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A Kafka target's settings, read and checked from its profile. */
record KafkaSettings(
    String bootstrap,
    String topic,
    KeyColumns keys,
    Map<String, Object> producer,
    int partitions,
    short replication) {
  static final String DEFAULT_TOPIC = "syngen.{entity}";
  private static final Pattern SERVERS =
      Pattern.compile("[A-Za-z0-9.\\[\\]:_-]+:\\d{1,5}(,[A-Za-z0-9.\\[\\]:_-]+:\\d{1,5})*");

  static KafkaSettings read(TargetProfile p, OptionReader o) {
    String bootstrap = bootstrap(p.dsn());
    if (p.dsn() == null || p.dsn().isBlank()) {
      o.problems()
          .add(
              "dsn", "is missing", "set dsn to the bootstrap servers, e.g. kafka://localhost:9092");
    } else if (!SERVERS.matcher(bootstrap).matches()) {
      o.problems()
          .add(
              "dsn",
              "'" + p.redactedDsn() + "' is not a list of host:port",
              "write kafka://host:9092 or host1:9092,host2:9092");
    }
    String topic = o.text("topic", DEFAULT_TOPIC);
    String why = Destinations.check(topic);
    if (why == null && !topic.replaceAll("\\{[a-z_]+}", "x").matches("[A-Za-z0-9._-]{1,200}")) {
      why = "has characters Kafka does not allow in a topic name";
    }
    if (why != null) {
      o.add("topic", "'" + topic + "' " + why, "use letters, digits, '.', '_', '-' and {entity}");
    }
    KeyColumns keys = new KeyColumns(o.text("key_column", null), o.under("key_column."));
    Map<String, Object> producer = new HashMap<>();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    boolean idempotent = o.bool("idempotence", true);
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
    String acks = o.oneOf("acks", "all", "all", "1", "0", "-1");
    if (idempotent && !"all".equals(acks) && !"-1".equals(acks)) {
      o.add("acks", "an idempotent producer needs acks=all", "set acks: all or idempotence: false");
    }
    producer.put(ProducerConfig.ACKS_CONFIG, acks);
    producer.put(
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        o.oneOf("compression", "lz4", "none", "gzip", "snappy", "lz4"));
    producer.put(ProducerConfig.LINGER_MS_CONFIG, (int) o.number("linger_ms", 5, 0, 60_000));
    producer.put(
        ProducerConfig.BATCH_SIZE_CONFIG, (int) o.number("batch_size_bytes", 262_144, 1, 1 << 26));
    producer.put(
        ProducerConfig.BUFFER_MEMORY_CONFIG,
        o.number("buffer_memory_bytes", 64L << 20, 1 << 20, 1L << 32));
    int delivery = (int) o.number("delivery_timeout_ms", 120_000, 1_000, 3_600_000);
    producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
    int linger = (Integer) producer.get(ProducerConfig.LINGER_MS_CONFIG);
    if (linger >= delivery / 2) {
      o.add("linger_ms", "must be less than half of delivery_timeout_ms", "lower linger_ms");
    }
    // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
    producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, delivery / 2));
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery);
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    o.under("producer.").forEach(producer::put);
    int partitions = (int) o.number("partitions", 0, 0, 10_000);
    short replication = (short) o.number("replication_factor", 0, 0, 100);
    o.rejectUnknown();
    return new KafkaSettings(bootstrap, topic, keys, producer, partitions, replication);
  }

  static String bootstrap(String dsn) {
    if (dsn == null) {
      return "";
    }
    String d = dsn.trim();
    return d.startsWith("kafka://") ? d.substring("kafka://".length()) : d;
  }

  Properties producerProperties() {
    Properties p = new Properties();
    p.putAll(producer);
    return p;
  }

  Properties adminProperties(int timeoutMs) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("request.timeout.ms", timeoutMs);
    p.put("default.api.timeout.ms", timeoutMs);
    return p;
  }
}
