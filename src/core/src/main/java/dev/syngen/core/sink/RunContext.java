package dev.syngen.core.sink;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.Shard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who is producing: the identity every message of a run carries (see docs/consumers.md), and how
 * its payloads are shaped. Sinks that ignore it (databases, CSV) keep working unchanged.
 *
 * @param runId the run's id, unique per run
 * @param scenarioId the scenario the data comes from
 * @param scenarioVersion the scenario's version ("" when the scenario declares none, as message
 *     headers cannot carry a null)
 * @param configHash the plan's config hash: equal hashes mean equal data
 * @param producerId this process's identity, so a consumer can tell producers of one run apart
 * @param payload how records are shaped (padded, templated, sampled); {@link PayloadShape#NATURAL}
 *     leaves them as they are
 * @param shard which shard of its run this is ({@link Shard#WHOLE} when unsharded): file targets
 *     write one part per shard
 * @param traceparent the W3C trace context of the run's span ({@code 00-<trace id>-<span
 *     id>-<flags>}, docs/consumers.md), carried in message headers so a consumer's work joins the
 *     run's trace; "" when the run is not traced. It never reaches the data: every cell stays a
 *     function of (seed, entity, column, row)
 */
public record RunContext(
    String runId,
    String scenarioId,
    String scenarioVersion,
    String configHash,
    String producerId,
    PayloadShape payload,
    Shard shard,
    String traceparent) {
  /** A context for work that is not a recorded run (a target test, a benchmark warm-up). */
  public static final RunContext ADHOC =
      new RunContext("adhoc", "adhoc", "0", "", "syngen", PayloadShape.NATURAL);

  public RunContext {
    scenarioId = scenarioId == null ? "" : scenarioId;
    scenarioVersion = scenarioVersion == null ? "" : scenarioVersion;
    configHash = configHash == null ? "" : configHash;
    payload = payload == null ? PayloadShape.NATURAL : payload;
    shard = shard == null ? Shard.WHOLE : shard;
    traceparent = traceparent == null ? "" : traceparent;
  }

  public RunContext(
      String runId,
      String scenarioId,
      String scenarioVersion,
      String configHash,
      String producerId,
      PayloadShape payload,
      Shard shard) {
    this(runId, scenarioId, scenarioVersion, configHash, producerId, payload, shard, "");
  }

  public RunContext(
      String runId,
      String scenarioId,
      String scenarioVersion,
      String configHash,
      String producerId,
      PayloadShape payload) {
    this(runId, scenarioId, scenarioVersion, configHash, producerId, payload, Shard.WHOLE);
  }

  public static RunContext of(CompiledPlan plan, String runId) {
    return new RunContext(
        runId,
        plan.scenarioId(),
        plan.scenarioVersion(),
        plan.configHash(),
        localProducerId(),
        PayloadShape.NATURAL);
  }

  public RunContext withPayload(PayloadShape shape) {
    return new RunContext(
        runId, scenarioId, scenarioVersion, configHash, producerId, shape, shard, traceparent);
  }

  public RunContext withShard(Shard s) {
    return new RunContext(
        runId, scenarioId, scenarioVersion, configHash, producerId, payload, s, traceparent);
  }

  /** This context with the W3C {@code traceparent} of the run's span ("" for none). */
  public RunContext withTraceparent(String t) {
    return new RunContext(
        runId, scenarioId, scenarioVersion, configHash, producerId, payload, shard, t);
  }

  /** {@code host/pid/random}: unique for each producing process, readable in a message browser. */
  public static String localProducerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String pid = String.valueOf(ProcessHandle.current().pid());
    byte[] r = new byte[3];
    new SecureRandom().nextBytes(r);
    return host + "/" + pid + "/" + HexFormat.of().formatHex(r);
  }
}
