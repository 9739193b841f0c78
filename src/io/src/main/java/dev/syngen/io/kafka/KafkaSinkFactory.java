package dev.syngen.io.kafka;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.message.OptionReader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Opens {@code kafka} targets; the DSN is the bootstrap server list ({@code kafka://host:9092}).
 */
public final class KafkaSinkFactory implements SinkFactory {
  private static final int TEST_TIMEOUT_MS = 10_000;

  @Override
  public Set<String> kinds() {
    return Set.of("kafka");
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    KafkaSettings.read(profile, new OptionReader(profile, problems));
  }

  @Override
  public Sink open(TargetProfile profile) {
    return open(profile, RunContext.ADHOC);
  }

  @Override
  public Sink open(TargetProfile profile, RunContext context) {
    KafkaSettings s = OptionReader.readValid(profile, KafkaSettings::read);
    return new KafkaSink(s, context);
  }

  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    try (Admin admin =
        Admin.create(
            KafkaSettings.read(profile, new OptionReader(profile, new Problems()))
                .adminProperties(TEST_TIMEOUT_MS))) {
      DescribeClusterResult c = admin.describeCluster();
      String id = c.clusterId().get(TEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      int brokers = c.nodes().get(TEST_TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
      int topics = admin.listTopics().names().get(TEST_TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      String version =
          "Kafka cluster " + id + ", " + brokers + " broker(s), " + topics + " topic(s)";
      return new TargetTestResult(true, ms, version, true, false, true, null);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return TargetTestResult.failed(
          (System.nanoTime() - t0) / 1_000_000,
          "cannot reach kafka at "
              + profile.redactedDsn()
              + ": "
              + dev.syngen.io.message.Retry.describe(e)
              + ". Fix: start the broker or correct the dsn");
    }
  }
}
