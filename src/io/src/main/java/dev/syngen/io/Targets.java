package dev.syngen.io;

import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.clickhouse.ClickHouseSinkFactory;
import dev.syngen.io.file.FileSinkFactory;
import dev.syngen.io.http.HttpSinkFactory;
import dev.syngen.io.jdbc.JdbcSinkFactory;
import dev.syngen.io.jdbc.MariaDbSinkFactory;
import dev.syngen.io.jms.ArtemisConnectionFactories;
import dev.syngen.io.jms.ContainerTransactions;
import dev.syngen.io.jms.JmsSettings;
import dev.syngen.io.jms.JmsSinkFactory;
import dev.syngen.io.kafka.KafkaSinkFactory;
import dev.syngen.io.nats.NatsSinkFactory;
import jakarta.jms.ConnectionFactory;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** All target kinds this build supports, dispatched by {@code kind}. */
public final class Targets implements SinkFactory {
  /** Kinds that carry messages: only they take payload shapes (size, template, sampling). */
  public static final Set<String> MESSAGE_KINDS = Set.of("kafka", "nats", "jms", "http");

  /** Kinds whose tables every shard of a run writes into (files get one part per shard). */
  public static final Set<String> TABLE_KINDS =
      Set.of("postgres", "sqlite", "clickhouse", "mariadb", "mysql");

  private final List<SinkFactory> factories;

  public Targets(List<SinkFactory> factories) {
    this.factories = List.copyOf(factories);
  }

  public static Targets builtins() {
    return builtins(new ArtemisConnectionFactories(), null);
  }

  /**
   * The built-in kinds, with JMS connection factories from {@code jms} and, for those the server
   * looks up by name, its transactions.
   */
  public static Targets builtins(
      Function<JmsSettings, ConnectionFactory> jms, ContainerTransactions transactions) {
    return new Targets(
        List.of(
            new FileSinkFactory(),
            new JdbcSinkFactory(),
            new MariaDbSinkFactory(),
            new KafkaSinkFactory(),
            new NatsSinkFactory(),
            new JmsSinkFactory(jms, transactions),
            new HttpSinkFactory(),
            new ClickHouseSinkFactory()));
  }

  @Override
  public Set<String> kinds() {
    Set<String> all = new TreeSet<>();
    factories.forEach(f -> all.addAll(f.kinds()));
    return all;
  }

  private SinkFactory factory(String kind) {
    return factories.stream()
        .filter(f -> f.kinds().contains(kind))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown target kind '" + kind + "'; use one of " + kinds()));
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    if (profile.id() != null && !Identifiers.isSafe(profile.id().replace('-', '_'))) {
      problems.add(
          "id", "'" + profile.id() + "' is not a safe id", "use letters, digits, '-' and '_'");
    }
    if (profile.kind() == null) {
      return; // reported by the loader
    }
    if (!kinds().contains(profile.kind())) {
      problems.add(
          "kind",
          "unknown target kind '" + profile.kind() + "'",
          "use one of: " + String.join(", ", kinds()));
      return;
    }
    factory(profile.kind()).validate(profile, problems);
  }

  @Override
  public Sink open(TargetProfile profile) {
    return factory(profile.kind()).open(profile);
  }

  @Override
  public Sink open(TargetProfile profile, RunContext context) {
    return factory(profile.kind()).open(profile, context);
  }

  @Override
  public TargetTestResult test(TargetProfile profile) {
    if (profile.kind() == null || !kinds().contains(profile.kind())) {
      return TargetTestResult.failed(
          0, "unknown target kind '" + profile.kind() + "'; use one of " + kinds());
    }
    return factory(profile.kind()).test(profile);
  }
}
