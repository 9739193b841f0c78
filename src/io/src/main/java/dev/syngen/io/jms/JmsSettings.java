package dev.syngen.io.jms;

import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.message.Destinations;
import dev.syngen.io.message.OptionReader;
import java.time.Duration;
import java.util.regex.Pattern;

/** A JMS target's settings, read and checked from its profile. */
public record JmsSettings(
    String url,
    String user,
    String password,
    String destination,
    boolean topic,
    boolean persistent,
    boolean transacted,
    Duration retryTimeout) {
  static final String DEFAULT_DESTINATION = "syngen.{entity}";

  /** The dsn naming the server's own messaging engine. */
  public static final String EMBEDDED = "embedded";

  /** Where the server binds its messaging engine's connection factory ({@code dsn: embedded}). */
  public static final String EMBEDDED_FACTORY = "jms/syngen/ConnectionFactory";

  private static final String JNDI = "jndi:";

  /**
   * A name in the server's own JNDI tree: a relative name ({@code jms/orders}) or one of the {@code
   * java:comp}, {@code java:module}, {@code java:app}, {@code java:global} namespaces. Anything
   * with another URL scheme ({@code ldap:}, {@code rmi:}, {@code iiop:}, {@code dns:}) would make
   * the server look up, and possibly load, an object from a remote host (finding 13).
   */
  private static final Pattern LOCAL_JNDI =
      Pattern.compile("(java:(comp|module|app|global)/)?[A-Za-z0-9_.$-]+(/[A-Za-z0-9_.$-]+)*");

  private static final String LOCAL_JNDI_FIX =
      "name a connection factory the server binds, e.g. jndi:jms/syngen/ConnectionFactory or"
          + " jndi:java:comp/env/jms/orders; remote lookups (ldap:, rmi:, iiop:, dns:) are refused";

  /**
   * The JNDI name of the connection factory, or null when the dsn is a broker URL; a name outside
   * the server's own tree is refused.
   */
  public String jndiName() {
    if (EMBEDDED.equals(url)) {
      return EMBEDDED_FACTORY;
    }
    if (!url.startsWith(JNDI)) {
      return null;
    }
    String name = url.substring(JNDI.length());
    if (!isLocalJndiName(name)) {
      throw new SinkException(
          "JNDI name '" + name + "' is not a local name. Fix: " + LOCAL_JNDI_FIX);
    }
    return name;
  }

  /** Whether {@code name} stays in the server's own JNDI tree. */
  static boolean isLocalJndiName(String name) {
    return LOCAL_JNDI.matcher(name).matches();
  }

  static JmsSettings read(TargetProfile p, OptionReader o) {
    String url = p.dsn() == null ? "" : p.dsn().trim();
    if (url.isEmpty()) {
      o.problems().add("dsn", "is missing", "set dsn to a broker URL, e.g. tcp://localhost:61616");
    } else if (!EMBEDDED.equals(url) && !url.matches("(tcp|ssl|vm|jndi|udp|jgroups)[:]\\S+")) {
      o.problems()
          .add(
              "dsn",
              "'" + p.redactedDsn() + "' is not a JMS broker URL",
              "write tcp://host:61616 (Artemis), or in the server 'embedded' (its messaging engine)"
                  + " or jndi:<connection factory name>");
    } else if (url.startsWith(JNDI) && !isLocalJndiName(url.substring(JNDI.length()))) {
      o.problems()
          .add(
              "dsn",
              "'" + p.redactedDsn() + "' names a JNDI object outside the server (a remote lookup)",
              LOCAL_JNDI_FIX);
    }
    String destination = o.text("destination", DEFAULT_DESTINATION);
    String why = Destinations.check(destination);
    if (why != null) {
      o.add("destination", "'" + destination + "' " + why, "write e.g. syngen.{entity}");
    }
    boolean topic = "topic".equals(o.oneOf("destination_type", "queue", "queue", "topic"));
    String user = o.text("user", null);
    String password = o.text("password", null);
    boolean persistent = o.bool("persistent", true);
    boolean transacted = o.bool("transacted", true);
    Duration retry = Duration.ofMillis(o.number("retry_timeout_ms", 60_000, 0, 3_600_000));
    o.rejectUnknown();
    return new JmsSettings(url, user, password, destination, topic, persistent, transacted, retry);
  }

  @Override
  public String toString() {
    return "JmsSettings[url=" + url + ", destination=" + destination + "]";
  }
}
