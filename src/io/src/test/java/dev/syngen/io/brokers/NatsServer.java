package dev.syngen.io.brokers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real nats-server with JetStream, started by the test on a free port with its own store
 * directory, so it can be killed mid-run and started again with its streams intact.
 */
public final class NatsServer implements AutoCloseable {
  private static final List<String> BINARIES =
      List.of("/usr/sbin/nats-server", "/usr/bin/nats-server");

  private final int port = FreePort.find();
  private final Path dir;
  private Process process;

  public NatsServer(Path dir) {
    this.dir = dir;
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  private static String binary() {
    return BINARIES.stream()
        .filter(b -> Files.isExecutable(Path.of(b)))
        .findFirst()
        .orElse("nats-server");
  }

  public NatsServer start() throws IOException, InterruptedException {
    Files.createDirectories(dir);
    process =
        new ProcessBuilder(
                binary(),
                "-a",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-js",
                "-sd",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    Process started = process;
    // a test JVM that dies must not leave the server running
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("nats-server exited: " + Files.readString(dir.resolve("server.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IOException("nats-server did not listen on " + port + " within 10 s");
  }

  public void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor();
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
