package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server of this build that a test starts, stops and kills itself with bin/server, on
 * free ports, with its run history in a PostgreSQL schema of its own.
 */
final class LibertyProcess {
  static final Path WLP_DIR =
      Path.of(System.getProperty("syngen.it.wlp.dir", "target/liberty/wlp"));

  /**
   * The JVM options bin/server gives a test's server unless its environment sets JVM_ARGS: the
   * client compiler only. The suite's JVMs share two cores, and C2 compiling a Liberty start-up's
   * code costs more CPU than a test's short runs win from it (ClusterIT's three servers: 347 s with
   * C2, 210 s without; docs/testing.md).
   */
  static final String CLIENT_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";

  private final String name;
  private final Map<String, String> env;

  LibertyProcess(String name, Map<String, String> env) {
    this.name = name;
    this.env = env;
  }

  Map<String, String> environment() {
    return env;
  }

  URI base() {
    return URI.create("http://localhost:" + env.get("HTTP_PORT") + "/");
  }

  void start() throws Exception {
    run("start");
  }

  void stop() throws Exception {
    run("stop");
  }

  /** Kills the server's JVM with SIGKILL, as a crash would end it, and waits until it is gone. */
  void kill() throws Exception {
    long pid =
        Long.parseLong(
            Files.readString(WLP_DIR.resolve("usr/servers/.pid/" + name + ".pid")).trim());
    ProcessHandle jvm =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no JVM " + pid));
    assertTrue(jvm.destroyForcibly(), "SIGKILL was not sent to " + pid);
    jvm.onExit().get(30, TimeUnit.SECONDS);
  }

  private void run(String action) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(WLP_DIR.resolve("bin/server").toString(), action, name)
            .redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().putIfAbsent("JVM_ARGS", CLIENT_COMPILER_ONLY);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), action + " did not finish: " + out);
    assertTrue(p.exitValue() == 0 || action.equals("stop"), action + " failed: " + out);
  }

  /** Free ports, the history in PostgreSQL schema {@code schema}, known passwords, and extras. */
  static Map<String, String> postgresHistory(String schema, Map<String, String> extra)
      throws IOException {
    URI dsn = URI.create(RunsIT.pgDsn().replaceFirst("^postgresql:", "postgres:"));
    String userInfo = dsn.getUserInfo() == null ? "postgres" : dsn.getUserInfo();
    String[] credentials = userInfo.split(":", 2);
    Map<String, String> env = new HashMap<>(extra);
    env.put("HTTP_PORT", String.valueOf(freePort()));
    env.put("HTTPS_PORT", String.valueOf(freePort()));
    env.put("SYNGEN_DB_KIND", "postgres");
    env.put("SYNGEN_DB_HOST", dsn.getHost());
    env.put("SYNGEN_DB_PORT", String.valueOf(dsn.getPort() < 0 ? 5432 : dsn.getPort()));
    env.put("SYNGEN_DB_NAME", dsn.getPath().substring(1));
    env.put("SYNGEN_DB_USER", credentials[0]);
    env.put("SYNGEN_DB_PASSWORD", credentials.length > 1 ? credentials[1] : "");
    env.put("SYNGEN_DB_SCHEMA", schema);
    // readiness watches the history database and one local target, not the sample brokers
    env.putIfAbsent("SYNGEN_HEALTH_TARGETS", "local-sqlite");
    return env;
  }

  /**
   * Ports handed to servers come from below the kernel's ephemeral range (32768–60999 on Linux): a
   * port drawn from that range with {@code new ServerSocket(0)} could be taken by any outgoing
   * connection (a JDBC pool, a JMS client) before the server binds it, as once happened to a
   * ClusterIT executor ("socket bind did not succeed"), which then never became ready.
   */
  private static final int FIRST_PORT = 20_000;

  private static final int PORTS = 12_000;

  /** Never the same port twice in one test JVM, even once its first server has stopped. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  static int freePort() throws IOException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = FIRST_PORT + random.nextInt(PORTS);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(port));
        return port;
      } catch (IOException inUse) {
        // another process listens there: draw again
      }
    }
    throw new IOException(
        "no free port from " + FIRST_PORT + " to " + (FIRST_PORT + PORTS - 1) + " in 500 draws");
  }
}
