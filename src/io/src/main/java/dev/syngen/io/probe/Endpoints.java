package dev.syngen.io.probe;

import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.jdbc.JdbcUrls;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a target's data goes, read from its DSN: the network endpoints of a database or broker, or
 * the directory of a file or SQLite target. Credentials in the DSN are never part of the answer.
 */
public final class Endpoints {
  private static final Set<String> FILE_KINDS = Set.of("csv", "ndjson");
  private static final Pattern BROKER =
      Pattern.compile(
          "(?i)(?:tcp|ssl|nio)://(?:[^@/\\s,()]*@)?(\\[[^]]+]|[^:/?,()\\s]+)(?::(\\d+))?");

  private Endpoints() {}

  /** True for targets that write into a local directory rather than over the network. */
  public static boolean isLocal(TargetProfile p) {
    return FILE_KINDS.contains(p.kind()) || "sqlite".equals(p.kind());
  }

  /** The directory a file or SQLite target writes into. */
  public static Path directory(TargetProfile p) {
    if ("sqlite".equals(p.kind())) {
      Path file = JdbcUrls.sqlitePath(p.dsn()).toAbsolutePath();
      return file.getParent();
    }
    String d = p.dsn().trim();
    d = d.startsWith("file://") ? d.substring(7) : d.startsWith("file:") ? d.substring(5) : d;
    return Path.of(d).toAbsolutePath();
  }

  /**
   * The network endpoints of a database or broker target; empty when its DSN names none (a JMS
   * connection factory looked up in the server, an in-JVM broker).
   */
  public static List<Endpoint> network(TargetProfile p) {
    String dsn = p.dsn() == null ? "" : p.dsn().trim();
    return switch (p.kind() == null ? "" : p.kind()) {
      case "postgres" -> postgres(dsn);
      case "mariadb", "mysql" -> mariadb(dsn);
      case "kafka" -> hostList(dsn.startsWith("kafka://") ? dsn.substring(8) : dsn, 9092);
      case "nats" -> uris(dsn, 4222);
      case "jms" -> brokers(dsn);
      case "http" -> uris(dsn, -1);
      case "clickhouse" -> uris(dsn, dsn.startsWith("clickhouses://") ? 8443 : 8123);
      default -> List.of();
    };
  }

  private static List<Endpoint> mariadb(String dsn) {
    String url = JdbcUrls.mariadb(dsn).url();
    String rest = url.substring(url.indexOf("//") + 2);
    return hostList(rest.substring(0, rest.indexOf('/')), 3306);
  }

  private static List<Endpoint> postgres(String dsn) {
    String url = JdbcUrls.postgres(dsn).url();
    String rest = url.substring(url.indexOf("//") + 2);
    int end = rest.length();
    for (char c : new char[] {'/', '?'}) {
      int i = rest.indexOf(c);
      if (i >= 0) {
        end = Math.min(end, i);
      }
    }
    return hostList(rest.substring(0, end), 5432);
  }

  private static List<Endpoint> brokers(String dsn) {
    List<Endpoint> out = new ArrayList<>();
    Matcher m = BROKER.matcher(dsn);
    while (m.find()) {
      String host = m.group(1).replace("[", "").replace("]", "");
      out.add(new Endpoint(host, m.group(2) == null ? 61616 : Integer.parseInt(m.group(2))));
    }
    return out;
  }

  /** Comma-separated URLs such as {@code nats://user:pw@a:4222,nats://b:4222}. */
  private static List<Endpoint> uris(String dsn, int defaultPort) {
    List<Endpoint> out = new ArrayList<>();
    for (String part : dsn.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      URI u = URI.create(part.trim());
      if (u.getHost() == null) {
        throw new IllegalArgumentException("no host in the dsn");
      }
      int port = u.getPort();
      if (port < 0) {
        port = defaultPort > 0 ? defaultPort : defaultPort(u.getScheme());
      }
      out.add(new Endpoint(u.getHost().replace("[", "").replace("]", ""), port));
    }
    return out;
  }

  private static int defaultPort(String scheme) {
    return switch (scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)) {
      case "https", "wss" -> 443;
      default -> 80;
    };
  }

  /** {@code host[:port],[v6]:port,…} with a default port. */
  private static List<Endpoint> hostList(String hosts, int defaultPort) {
    List<Endpoint> out = new ArrayList<>();
    for (String h : hosts.split(",")) {
      String s = h.trim();
      if (s.isEmpty()) {
        continue;
      }
      if (s.startsWith("[")) {
        int close = s.indexOf(']');
        String host = s.substring(1, close);
        String port = s.length() > close + 2 ? s.substring(close + 2) : "";
        out.add(new Endpoint(host, port.isEmpty() ? defaultPort : Integer.parseInt(port)));
      } else {
        int colon = s.lastIndexOf(':');
        out.add(
            colon < 0
                ? new Endpoint(s, defaultPort)
                : new Endpoint(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1))));
      }
    }
    return out;
  }
}
