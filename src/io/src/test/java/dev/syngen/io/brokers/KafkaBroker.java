package dev.syngen.io.brokers;

import kafka.server.BrokerServer;
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

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
