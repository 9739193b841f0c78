package dev.syngen.server.application.batch;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The knobs of batch execution, read through MicroProfile Config (environment variables such as
 * SYNGEN_BATCH_THRESHOLD_ROWS override): which runs become batch jobs, how often they checkpoint,
 * how many rows one partition holds, and this server's role in a cluster (docs/scale-out.md).
 */
@ApplicationScoped
public class BatchSettings {
  static final List<String> ROLES = List.of("standalone", "dispatcher", "executor");

  /** The longest member retention accepted: a year, far below any overflow of an instant. */
  static final long MAX_RETENTION_MINUTES = 525_600;

  @Inject
  @ConfigProperty(name = "syngen.batch.threshold-rows", defaultValue = "1000000")
  long thresholdRows;

  @Inject
  @ConfigProperty(name = "syngen.batch.checkpoint-rows", defaultValue = "100000")
  long checkpointRows;

  @Inject
  @ConfigProperty(name = "syngen.batch.partition-rows", defaultValue = "500000")
  long partitionRows;

  @Inject
  @ConfigProperty(name = "syngen.role", defaultValue = "standalone")
  String role;

  @Inject
  @ConfigProperty(name = "syngen.cluster.chunk-timeout-seconds", defaultValue = "300")
  long chunkTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "syngen.cluster.chunk-redispatch-seconds", defaultValue = "60")
  long chunkRedispatchSeconds;

  @Inject
  @ConfigProperty(name = "syngen.cluster.chunk-attempts", defaultValue = "3")
  long chunkAttempts;

  @Inject
  @ConfigProperty(name = "syngen.cluster.heartbeat-seconds", defaultValue = "5")
  long heartbeatSeconds;

  @Inject
  @ConfigProperty(name = "syngen.cluster.member-retention-minutes", defaultValue = "60")
  long memberRetentionMinutes;

  @Inject
  @ConfigProperty(name = "syngen.cluster.tls", defaultValue = "off")
  String clusterTls = "off";

  // Optional: MicroProfile Config treats an empty value as none, so "" cannot be a default
  @Inject
  @ConfigProperty(name = "syngen.cluster.keystore")
  Optional<String> clusterKeystore = Optional.empty();

  @Inject
  @ConfigProperty(name = "syngen.cluster.keystore-password")
  Optional<String> clusterKeystorePassword = Optional.empty();

  @PostConstruct
  void check() {
    if (!ROLES.contains(role)) {
      throw new IllegalStateException(
          "setting syngen.role is '"
              + role
              + "', but must be one of "
              + String.join(", ", ROLES)
              + "; fix: set SYNGEN_ROLE to standalone (the default), dispatcher or executor");
    }
    positive("syngen.cluster.chunk-timeout-seconds", chunkTimeoutSeconds, "300");
    positive("syngen.cluster.chunk-redispatch-seconds", chunkRedispatchSeconds, "60");
    positive("syngen.cluster.chunk-attempts", chunkAttempts, "3");
    positive("syngen.cluster.heartbeat-seconds", heartbeatSeconds, "5");
    if (memberRetentionMinutes < 1 || memberRetentionMinutes > MAX_RETENTION_MINUTES) {
      throw new IllegalStateException(
          "setting syngen.cluster.member-retention-minutes is "
              + memberRetentionMinutes
              + ", but must be from 1 to "
              + MAX_RETENTION_MINUTES
              + " (a year); fix: set SYNGEN_CLUSTER_MEMBER_RETENTION_MINUTES to e.g. 60");
    }
    if (clustered()) {
      checkTls();
    }
    positive("syngen.batch.threshold-rows", thresholdRows, "1000000");
    positive("syngen.batch.checkpoint-rows", checkpointRows, "100000");
    positive("syngen.batch.partition-rows", partitionRows, "500000");
  }

  /**
   * With TLS between the members, the keystore cluster-tls-on.xml opens must be a readable file and
   * have a password; Liberty alone would start without the engine's port or connection and say why
   * only in its log.
   */
  private void checkTls() {
    if (!List.of("on", "off").contains(clusterTls)) {
      throw new IllegalStateException(
          "setting syngen.cluster.tls is '"
              + clusterTls
              + "', but must be on or off; fix: set SYNGEN_CLUSTER_TLS=on (TLS between the"
              + " members, with SYNGEN_CLUSTER_KEYSTORE) or off");
    }
    if (!tls()) {
      return;
    }
    String keystore = clusterKeystore.orElse("").strip();
    if (keystore.isEmpty()) {
      throw new IllegalStateException(
          "setting syngen.cluster.keystore is empty, but syngen.cluster.tls is on; fix: set"
              + " SYNGEN_CLUSTER_KEYSTORE to the cluster's PKCS12 file, the same on every member"
              + " (docs/scale-out.md, TLS between the members)");
    }
    Path file = Path.of(keystore);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalStateException(
          "setting syngen.cluster.keystore names "
              + keystore
              + ", which is not a readable file; fix: mount the cluster's PKCS12 file there or"
              + " set SYNGEN_CLUSTER_KEYSTORE to where it is");
    }
    if (clusterKeystorePassword.orElse("").isEmpty()) {
      throw new IllegalStateException(
          "setting syngen.cluster.keystore-password is empty, but syngen.cluster.tls is on; fix:"
              + " set SYNGEN_CLUSTER_KEYSTORE_PASSWORD to the password of "
              + keystore);
    }
  }

  /** Whether this cluster member's messaging runs over TLS (syngen.cluster.tls=on). */
  public boolean tls() {
    return clustered() && clusterTls.equals("on");
  }

  private static void positive(String name, long value, String example) {
    if (value < 1) {
      throw new IllegalStateException(
          "setting "
              + name
              + " is "
              + value
              + ", but must be at least 1; fix: set it to e.g. "
              + example);
    }
  }

  /** A run with more rows than this executes as a batch job. */
  public long thresholdRows() {
    return thresholdRows;
  }

  /** Rows per chunk: each chunk commits its rows and the partition's checkpoint. */
  public long checkpointRows() {
    return checkpointRows;
  }

  /** Rows per partition of an entity, for targets that take partitions in parallel. */
  public long partitionRows() {
    return partitionRows;
  }

  /**
   * Whether this server hands its batch runs' chunks to executor servers over the partition queue
   * instead of writing them itself (syngen.role=dispatcher).
   */
  public boolean dispatchesChunks() {
    return role.equals("dispatcher");
  }

  /** Whether this server writes chunks that a dispatcher queued (syngen.role=executor). */
  public boolean executesChunks() {
    return role.equals("executor");
  }

  public String role() {
    return role;
  }

  /** How long a dispatched chunk may take before its partition fails (no executor took it). */
  public long chunkTimeoutSeconds() {
    return chunkTimeoutSeconds;
  }

  /**
   * How long a dispatched chunk may go unreported before the dispatcher sends it again: its
   * executor may have died with it. Set it above the time one chunk takes to write.
   */
  public long chunkRedispatchSeconds() {
    return chunkRedispatchSeconds;
  }

  /**
   * How many executors' failures of one chunk a dispatcher accepts before the run fails: a failed
   * chunk is sent again (another executor, or the same one once its trouble has passed), since a
   * connection lost or timed out on one server says little about the next attempt.
   */
  public int chunkAttempts() {
    return (int) Math.min(chunkAttempts, Integer.MAX_VALUE);
  }

  /**
   * Whether this server is a member of a cluster (a dispatcher or an executor), which records its
   * heartbeat in the shared history database; a standalone server is none.
   */
  public boolean clustered() {
    return dispatchesChunks() || executesChunks();
  }

  /**
   * How often a cluster member records its heartbeat; it is shown down after {@code
   * MemberState.MISSED_BEATS} intervals without one.
   */
  public int heartbeatSeconds() {
    return (int) Math.min(heartbeatSeconds, Integer.MAX_VALUE);
  }

  /**
   * How long a member that is down (no heartbeat for {@code MemberState.MISSED_BEATS} of its
   * intervals) stays listed before any member's heartbeat removes it.
   */
  public Duration memberRetention() {
    return Duration.ofMinutes(memberRetentionMinutes);
  }
}
