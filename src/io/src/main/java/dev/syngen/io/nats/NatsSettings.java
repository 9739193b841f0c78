package dev.syngen.io.nats;

import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.message.Destinations;
import dev.syngen.io.message.OptionReader;
import java.time.Duration;

/** A NATS target's settings, read and checked from its profile. */
record NatsSettings(
    String url,
    String subject,
    boolean jetstream,
    String stream,
    int maxPending,
    Duration ackTimeout,
    Duration retryTimeout) {
  static final String DEFAULT_SUBJECT = "syngen.{entity}";

  static NatsSettings read(TargetProfile p, OptionReader o) {
    String url = p.dsn() == null ? "" : p.dsn().trim();
    if (url.isEmpty()) {
      o.problems().add("dsn", "is missing", "set dsn to a server URL, e.g. nats://localhost:4222");
    } else if (!url.matches("(nats|tls|ws|wss)://\\S+(,\\S+)*")) {
      o.problems()
          .add("dsn", "'" + p.redactedDsn() + "' is not a NATS URL", "write nats://host:4222");
    }
    String subject = o.text("subject", DEFAULT_SUBJECT);
    String why = Destinations.check(subject);
    if (why == null && !subject.replaceAll("\\{[a-z_]+}", "x").matches("[^\\s*>]+")) {
      why = "has whitespace or wildcards, which a publish subject cannot have";
    }
    if (why != null) {
      o.add("subject", "'" + subject + "' " + why, "write e.g. syngen.{entity}");
    }
    boolean js = o.bool("jetstream", false);
    String stream = o.text("stream", "SYNGEN");
    if (!stream.matches("[A-Za-z0-9_-]{1,64}")) {
      o.add("stream", "'" + stream + "' is not a stream name", "use letters, digits, '_' and '-'");
    }
    int maxPending = (int) o.number("max_pending", 4096, 1, 1_000_000);
    Duration ack = Duration.ofMillis(o.number("ack_timeout_ms", 5_000, 100, 600_000));
    Duration retry = Duration.ofMillis(o.number("retry_timeout_ms", 60_000, 0, 3_600_000));
    o.rejectUnknown();
    return new NatsSettings(url, subject, js, stream, maxPending, ack, retry);
  }
}
