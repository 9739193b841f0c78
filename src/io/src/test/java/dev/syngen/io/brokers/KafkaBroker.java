package dev.syngen.io.brokers;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-node Kafka (KRaft, broker and controller combined) in this JVM. A test can stop the broker
 * mid-run and start it again; it comes back at the same address.
 */
public final class KafkaBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  public KafkaBroker() throws Exception {
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .build();
    cluster =
        new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("num.partitions", "3")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
  }

  public String bootstrap() {
    return cluster.bootstrapServers();
  }

  private BrokerServer broker() {
    return cluster.brokers().values().iterator().next();
  }

  /** Stops the broker (the controller stays up): clients see it unreachable. */
  public void stopBroker() {
    broker().shutdown();
    broker().awaitShutdown();
  }

  public void startBroker() throws Exception {
    broker().startup();
    cluster.waitForReadyBrokers();
  }

  /**
   * What the broker says of the topics whose names start with {@code prefix} (each partition's
   * leader, in-sync replicas and end offset), and where its own threads are: for a test's log when
   * the broker stopped acknowledging a topic. A question it cannot answer in ten seconds is
   * reported as such.
   */
  public String describe(String prefix) {
    StringBuilder out = new StringBuilder("broker state for topics " + prefix + "*:\n");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      Set<String> topics =
          admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
              .filter(t -> t.startsWith(prefix))
              .collect(Collectors.toSet());
      Map<String, TopicDescription> described =
          new TreeMap<>(admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS));
      Map<TopicPartition, OffsetSpec> latest =
          described.values().stream()
              .flatMap(
                  d ->
                      d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
      for (TopicDescription d : described.values()) {
        for (var p : d.partitions()) {
          TopicPartition tp = new TopicPartition(d.name(), p.partition());
          out.append("  " + tp + " leader " + p.leader() + " isr " + p.isr())
              .append(" end offset " + ends.get(tp).offset() + "\n");
        }
      }
    } catch (Exception e) {
      out.append("  the broker did not answer: ").append(e).append('\n');
    }
    for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
      String name = t.getKey().getName();
      if (name.matches("(?i).*(kafka|broker|raft|request-handler).*")) {
        out.append("thread " + name + " " + t.getKey().getState());
        Arrays.stream(t.getValue()).limit(12).forEach(f -> out.append("\n    at ").append(f));
        out.append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
