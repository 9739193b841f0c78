package dev.syngen.io;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields each target kind takes, for forms that show exactly those: the DSN's form, whether it
 * carries a password, whether {@code schema} applies, and every option with its type and default.
 * Describes, never validates: a profile built from it still goes through {@link Targets#validate},
 * and a test holds this list to what the validators accept.
 */
public final class TargetFields {
  /** How a form shows an option. {@code SECRET} values are write-only. */
  public enum Type {
    TEXT,
    NUMBER,
    BOOLEAN,
    CHOICE,
    SECRET
  }

  /** One option: its key under {@code options}, label, type, default (null: none) and help. */
  public record Field(
      String key, String label, Type type, String defaultValue, List<String> choices, String help) {
    public Field {
      choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The form's component id for this option: letters, digits and '_' only. */
    public String inputId() {
      return "opt_" + key.replaceAll("[^A-Za-z0-9]", "_");
    }
  }

  /**
   * A kind's form: the DSN's example and help, whether the DSN's user info carries a password,
   * whether {@code schema} applies (and what it means), its options, and the option families it
   * takes beyond them ({@code partition_by.<entity>}), written as extra {@code key=value} lines.
   */
  public record Kind(
      String kind,
      String label,
      String dsnExample,
      String dsnHelp,
      boolean dsnPassword,
      String schemaHelp,
      List<Field> options,
      List<String> families) {
    public Kind {
      options = List.copyOf(options);
      families = List.copyOf(families);
    }

    public boolean takesSchema() {
      return schemaHelp != null;
    }

    public Field option(String key) {
      return options.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }
  }

  private static final List<Kind> ALL =
      List.of(
          new Kind(
              "postgres",
              "PostgreSQL",
              "postgres://user@host:5432/database?sslmode=disable",
              "postgres://user@host:5432/database or jdbc:postgresql://host:5432/database",
              true,
              "the schema tables go into (default public), created if missing",
              List.of(
                  choice(
                      "copy_format", "COPY format", "binary", "binary or text", "binary", "text"),
                  choice(
                      "cdc",
                      "Change stream",
                      "write",
                      "write: store <entity>_cdc as rows; apply: apply it to the entity's table",
                      "write",
                      "apply")),
              List.of()),
          new Kind(
              "sqlite",
              "SQLite",
              "out/data.db",
              "a database file under the server's output directory",
              false,
              null,
              List.of(),
              List.of()),
          new Kind(
              "mariadb",
              "MariaDB / MySQL",
              "mariadb://user@host:3306/database",
              "mariadb://, mysql://, jdbc:mariadb:// or jdbc:mysql:// with host, port and database",
              true,
              "another database on the server to write into (created if missing)",
              List.of(),
              List.of()),
          new Kind(
              "clickhouse",
              "ClickHouse",
              "clickhouse://default@host:8123/database",
              "clickhouse://user@host:8123/database (HTTP) or clickhouses://…:8443/… (HTTPS)",
              true,
              null,
              List.of(
                  text(
                      "partition_by",
                      "Partition by",
                      null,
                      "a ClickHouse expression for every table; none turns partitioning off"),
                  text("ttl", "TTL", null, "a ClickHouse TTL expression (server 19.6+)")),
              List.of("partition_by.<entity>", "ttl.<entity>")),
          new Kind(
              "csv",
              "CSV files",
              "out/csv",
              "a directory under the server's output directory",
              false,
              null,
              fileOptions(),
              List.of()),
          new Kind(
              "ndjson",
              "NDJSON files",
              "out/ndjson",
              "a directory under the server's output directory",
              false,
              null,
              fileOptions(),
              List.of()),
          new Kind(
              "kafka",
              "Kafka",
              "kafka://host:9092",
              "kafka://host:9092[,host2:9092]",
              false,
              null,
              List.of(
                  text("topic", "Topic", "syngen.{entity}", "{entity}, {table}, {scenario}, {run}"),
                  text(
                      "key_column",
                      "Key column",
                      null,
                      "the column that keys each record (default: the entity's first); none for no"
                          + " key"),
                  choice("idempotence", "Idempotent producer", "true", null, "true", "false"),
                  choice(
                      "acks", "Acks", "all", "all is required with idempotence", "all", "1", "0"),
                  choice(
                      "compression", "Compression", "lz4", null, "none", "gzip", "snappy", "lz4"),
                  number("linger_ms", "Linger (ms)", "5"),
                  number("batch_size_bytes", "Batch size (bytes)", "262144"),
                  number("buffer_memory_bytes", "Buffer memory (bytes)", "67108864"),
                  number("delivery_timeout_ms", "Delivery timeout (ms)", "120000"),
                  number("partitions", "Partitions of new topics", null),
                  number("replication_factor", "Replication factor of new topics", null)),
              List.of("key_column.<entity>", "producer.<setting>")),
          new Kind(
              "nats",
              "NATS",
              "nats://host:4222",
              "nats://host:4222 (nats://user@host:4222 with a password)",
              true,
              null,
              List.of(
                  text("subject", "Subject", "syngen.{entity}", "no wildcards"),
                  choice("jetstream", "JetStream", "false", "publish with acks", "true", "false"),
                  text("stream", "Stream", "SYNGEN", "created if missing"),
                  number("max_pending", "Publishes awaiting their ack", "4096"),
                  number("ack_timeout_ms", "Ack timeout (ms)", "5000"),
                  number("retry_timeout_ms", "Retry timeout (ms)", "60000")),
              List.of()),
          new Kind(
              "jms",
              "JMS",
              "tcp://host:61616",
              "an ActiveMQ Artemis URL, embedded (the server's own engine) or jndi:<factory>",
              false,
              null,
              List.of(
                  text("destination", "Destination", "syngen.{entity}", "queue or topic name"),
                  choice("destination_type", "Destination type", "queue", null, "queue", "topic"),
                  text("user", "User", null, null),
                  secret("password", "Password"),
                  choice("persistent", "Persistent delivery", "true", null, "true", "false"),
                  choice("transacted", "Transacted batches", "true", null, "true", "false"),
                  number("retry_timeout_ms", "Retry timeout (ms)", "60000")),
              List.of()),
          new Kind(
              "http",
              "HTTP",
              "http://host:8080/ingest",
              "the URL each batch is POSTed to",
              false,
              null,
              List.of(
                  choice("format", "Body format", "ndjson", null, "ndjson", "json_array"),
                  secret("header.Authorization", "Authorization header"),
                  number("concurrency", "POSTs in flight", "4"),
                  number("retries", "Retries", "10"),
                  number("retry_backoff_ms", "First backoff (ms)", "200"),
                  number("timeout_ms", "Timeout per request (ms)", "30000")),
              List.of("header.<Name>")));

  private static final Map<String, Kind> BY_KIND =
      ALL.stream().collect(Collectors.toMap(Kind::kind, Function.identity()));

  /** Kinds that are another name of one above. */
  private static final Map<String, String> ALIASES =
      Map.of("postgresql", "postgres", "mysql", "mariadb");

  private TargetFields() {}

  public static List<Kind> all() {
    return ALL;
  }

  /** The form of {@code kind} (aliases included), or null for a kind this build lacks. */
  public static Kind of(String kind) {
    return kind == null ? null : BY_KIND.get(ALIASES.getOrDefault(kind, kind));
  }

  private static List<Field> fileOptions() {
    return List.of(
        new Field(
            "rotate_size_mb",
            "Rotate at (MB)",
            Type.NUMBER,
            null,
            null,
            "start a new file past this size; decimals allowed"),
        new Field(
            "audit_every",
            "Audit line every (records)",
            Type.NUMBER,
            null,
            null,
            "a line in <table>.audit.log every N records"));
  }

  private static Field text(String key, String label, String dflt, String help) {
    return new Field(key, label, Type.TEXT, dflt, null, help);
  }

  private static Field number(String key, String label, String dflt) {
    return new Field(key, label, Type.NUMBER, dflt, null, null);
  }

  private static Field secret(String key, String label) {
    return new Field(key, label, Type.SECRET, null, null, "write-only: never shown again");
  }

  private static Field choice(
      String key, String label, String dflt, String help, String... choices) {
    return new Field(
        key,
        label,
        choices[0].equals("true") ? Type.BOOLEAN : Type.CHOICE,
        dflt,
        List.of(choices),
        help);
  }
}
