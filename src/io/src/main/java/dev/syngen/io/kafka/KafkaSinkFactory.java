package dev.syngen.io.kafka;

import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.message.MessageSinkFactory;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Opens {@code kafka} targets; the DSN is the bootstrap server list ({@code kafka://host:9092}).
 */
public final class KafkaSinkFactory extends MessageSinkFactory<KafkaSettings> {
  private static final int TEST_TIMEOUT_MS = 10_000;

  public KafkaSinkFactory() {
    super("kafka", KafkaSettings::read, "kafka at ", "start the broker or correct the dsn");
  }

  @Override
  protected Sink sink(KafkaSettings settings, RunContext context) {
    return new KafkaSink(settings, context);
  }

  @Override
  protected TargetTestResult probe(KafkaSettings s, long t0) throws Exception {
    try (Admin admin = Admin.create(s.adminProperties(TEST_TIMEOUT_MS))) {
      DescribeClusterResult c = admin.describeCluster();
      String id = c.clusterId().get(TEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      int brokers = c.nodes().get(TEST_TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
      int topics = admin.listTopics().names().get(TEST_TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
      String version =
          "Kafka cluster " + id + ", " + brokers + " broker(s), " + topics + " topic(s)";
      return new TargetTestResult(true, millisSince(t0), version, true, false, true, null);
    }
  }
}
