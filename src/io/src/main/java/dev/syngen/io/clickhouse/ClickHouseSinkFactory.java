package dev.syngen.io.clickhouse;

import dev.syngen.core.plan.Shard;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Opens {@code clickhouse} targets: dsn {@code clickhouse://user:password@host:8123/database},
 * options {@code partition_by} and {@code ttl} (see docs/targets.md).
 */
public final class ClickHouseSinkFactory implements SinkFactory {
  @Override
  public Set<String> kinds() {
    return Set.of("clickhouse");
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    try {
      ClickHouseDsn.parse(profile.dsn());
    } catch (SinkException e) {
      problems.add("dsn", e.getMessage(), "use " + ClickHouseDsn.FORMS);
    }
    if (profile.schema() != null && !profile.schema().isBlank()) {
      problems.add(
          "schema",
          "clickhouse targets have no schema",
          "remove schema; the database is the dsn's path, e.g. clickhouse://host:8123/analytics");
    }
    ClickHouseOptions.validate(profile.options(), problems);
  }

  private static ClickHouseDsn checked(TargetProfile profile) {
    Problems problems = new Problems();
    new ClickHouseSinkFactory().validate(profile, problems);
    SinkException.throwIfInvalid(profile, problems);
    return ClickHouseDsn.parse(profile.dsn());
  }

  @Override
  public Sink open(TargetProfile profile) {
    return open(profile, RunContext.ADHOC);
  }

  /**
   * The post-ingestion row-count check runs when this process writes whole entities; a shard of a
   * sharded run writes only its row range into the shared tables, so it skips it.
   */
  @Override
  public Sink open(TargetProfile profile, RunContext context) {
    ClickHouseDsn dsn = checked(profile);
    return new ClickHouseSink(
        new ClickHouseHttp(dsn),
        new ClickHouseOptions(profile.options()),
        context.shard().equals(Shard.WHOLE));
  }

  /** Connects, then creates, fills, truncates and drops a scratch table in the dsn's database. */
  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    ClickHouseDsn dsn;
    try {
      dsn = checked(profile);
    } catch (SinkException e) {
      return TargetTestResult.failed(0, e.getMessage());
    }
    ClickHouseHttp http = new ClickHouseHttp(dsn);
    String version;
    try {
      version = http.scalar("SELECT version()");
    } catch (SinkException e) {
      return TargetTestResult.failed(millisSince(t0), e.getMessage());
    }
    long latency = millisSince(t0);
    List<String> refused = new ArrayList<>();
    String table =
        ClickHouseSink.quote(dsn.database())
            + ".syngen_probe_"
            + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    boolean create =
        attempt(
                http,
                refused,
                "create the database",
                "CREATE DATABASE IF NOT EXISTS " + ClickHouseSink.quote(dsn.database()))
            && attempt(
                http,
                refused,
                "create tables",
                "CREATE TABLE " + table + " (id Int32) ENGINE = MergeTree() ORDER BY id");
    boolean insert =
        create && attempt(http, refused, "insert", "INSERT INTO " + table + " VALUES (1)");
    boolean truncate = create && attempt(http, refused, "truncate", "TRUNCATE TABLE " + table);
    boolean drop = create && attempt(http, refused, "drop tables", "DROP TABLE " + table);
    boolean ok = refused.isEmpty();
    return new TargetTestResult(
        ok,
        latency,
        "ClickHouse " + version,
        create && drop,
        truncate,
        insert,
        ok
            ? null
            : dev.syngen.core.sink.Redactor.text(
                "connected, but cannot " + String.join("; cannot ", refused)));
  }

  private static boolean attempt(
      ClickHouseHttp http, List<String> refused, String what, String sql) {
    try {
      http.execute(sql);
      return true;
    } catch (SinkException e) {
      refused.add(what + " (" + e.getMessage() + ")");
      return false;
    }
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
