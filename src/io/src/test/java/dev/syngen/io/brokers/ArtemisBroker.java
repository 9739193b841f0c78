package dev.syngen.io.brokers;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An embedded ActiveMQ Artemis broker with a persistent journal on a fixed port, so tests can stop
 * it mid-run and start it again with its messages and duplicate-id cache intact.
 */
public final class ArtemisBroker implements AutoCloseable {
  private final int port = FreePort.find();
  private final Path dir;
  private final boolean sync;
  private EmbeddedActiveMQ server;

  public ArtemisBroker(Path dir) {
    this(dir, false);
  }

  /**
   * @param sync whether commits wait for the journal to reach the disk (benchmarks: true)
   */
  public ArtemisBroker(Path dir, boolean sync) {
    this.dir = dir;
    this.sync = sync;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public ArtemisBroker start() throws Exception {
    Configuration c =
        new ConfigurationImpl()
            .setPersistenceEnabled(true)
            .setJournalDirectory(dir.resolve("journal").toString())
            .setBindingsDirectory(dir.resolve("bindings").toString())
            .setLargeMessagesDirectory(dir.resolve("large").toString())
            .setPagingDirectory(dir.resolve("paging").toString())
            .setSecurityEnabled(false)
            .setJournalSyncTransactional(sync)
            .setJournalSyncNonTransactional(sync)
            .addAcceptorConfiguration("tcp", url());
    server = new EmbeddedActiveMQ().setConfiguration(c);
    server.start();
    return this;
  }

  public void stop() throws Exception {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
