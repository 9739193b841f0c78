package dev.syngen.bench;

import dev.syngen.io.brokers.ArtemisBroker;
import dev.syngen.io.brokers.KafkaBroker;
import dev.syngen.io.brokers.NatsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts local brokers (in-JVM Kafka, embedded Artemis with a synced journal, a nats-server) and
 * runs {@code syngen-bench bench --brokers-only} against them; extra arguments go to the bench. The
 * command is in docs/benchmarks.md.
 */
public final class BrokerBenchMain {
  private BrokerBenchMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("syngen-brokers");
    int exit;
    try (KafkaBroker kafka = new KafkaBroker();
        ArtemisBroker artemis = new ArtemisBroker(dir.resolve("artemis"), true).start();
        NatsServer nats = new NatsServer(dir.resolve("nats")).start()) {
      List<String> all =
          new ArrayList<>(
              List.of(
                  "bench",
                  "--brokers-only",
                  "--kafka",
                  kafka.bootstrap(),
                  "--nats",
                  nats.url(),
                  "--jms",
                  artemis.url(),
                  "--http",
                  "local"));
      all.addAll(List.of(args));
      exit = SyngenBench.commandLine().execute(all.toArray(String[]::new));
    }
    System.exit(exit);
  }
}
