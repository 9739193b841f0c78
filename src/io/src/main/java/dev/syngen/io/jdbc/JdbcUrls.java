package dev.syngen.io.jdbc;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the DSNs people write into JDBC URLs. PostgreSQL takes sdgen's {@code
 * postgres://user:pass@host:5432/db?sslmode=disable} (or {@code postgresql://}) and {@code
 * jdbc:postgresql://} URLs; credentials move into connection properties so they never appear in a
 * URL that may end up in a message. SQLite takes a file path, {@code sqlite:path}, {@code
 * sqlite://path} or {@code jdbc:sqlite:path}. MariaDB and MySQL take {@code
 * mariadb://user:pass@host:3306/db}, {@code mysql://…}, {@code jdbc:mariadb://host:3306/db} and
 * {@code jdbc:mysql://…}: the MariaDB driver speaks both servers' protocol.
 */
public final class JdbcUrls {
  private static final Pattern HOSTS = Pattern.compile("[A-Za-z0-9._\\-:\\[\\],%]*");
  private static final Set<String> SECRET_PARAMS = Set.of("user", "password", "sslpassword");
  private static final Map<String, String> LIBPQ_TO_PGJDBC =
      Map.of(
          "application_name", "ApplicationName",
          "connect_timeout", "connectTimeout");

  private JdbcUrls() {}

  /**
   * A PostgreSQL connection: a JDBC URL without credentials plus the properties that carry them.
   */
  public record Postgres(String url, Map<String, String> properties) {
    public Postgres {
      properties = Map.copyOf(properties);
    }

    public Connection connect() throws SQLException {
      Properties p = new Properties();
      p.putAll(properties);
      return DriverManager.getConnection(url, p);
    }

    @Override
    public String toString() {
      return Redactor.text(url);
    }
  }

  /** A MariaDB connection: a JDBC URL without credentials plus the properties that carry them. */
  public record MariaDb(String url, String database, Map<String, String> properties) {
    public MariaDb {
      properties = Map.copyOf(properties);
    }

    public Connection connect() throws SQLException {
      Properties p = new Properties();
      p.putAll(properties);
      return DriverManager.getConnection(url, p);
    }

    @Override
    public String toString() {
      return Redactor.text(url);
    }
  }

  public static MariaDb mariadb(String dsn) {
    if (dsn == null || dsn.isBlank()) {
      throw new SinkException("mariadb DSN is missing; set dsn to mariadb://user@host:3306/db");
    }
    String d = dsn.trim();
    String lower = d.toLowerCase(Locale.ROOT);
    String rest;
    if (lower.matches("(jdbc:)?(mariadb|mysql)://.*")) {
      rest = d.substring(d.indexOf("://") + 3);
    } else {
      throw invalid(
          dsn,
          "it is not a MariaDB DSN",
          "write mariadb://user:password@host:3306/database or jdbc:mariadb://host:3306/database");
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("connectTimeout", "10000");
    String query = cut(rest, '?');
    rest = before(rest, '?');
    String path = cut(rest, '/');
    String authority = before(rest, '/');
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      credentials(dsn, authority.substring(0, at), props);
      authority = authority.substring(at + 1);
    }
    String hosts = checkHosts(dsn, authority.isEmpty() ? "localhost" : authority);
    String database = path == null ? "" : decode(dsn, path);
    if (database.isEmpty()) {
      throw invalid(dsn, "it names no database", "write mariadb://user@host:3306/database");
    }
    for (Map.Entry<String, String> p : params(dsn, query).entrySet()) {
      props.put(p.getKey(), p.getValue());
    }
    return new MariaDb(
        "jdbc:mariadb://" + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8),
        database,
        props);
  }

  public static Postgres postgres(String dsn) {
    if (dsn == null || dsn.isBlank()) {
      throw new SinkException("postgres DSN is missing; set dsn to postgres://user@host:5432/db");
    }
    String d = dsn.trim();
    String lower = d.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return fromJdbc(dsn, d.substring("jdbc:postgresql:".length()));
    }
    if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
      return fromUri(dsn, d.substring(d.indexOf("://") + 3), "jdbc:postgresql://");
    }
    throw invalid(
        dsn,
        "it is not a PostgreSQL DSN",
        "write postgres://user:password@host:5432/database or jdbc:postgresql://host:5432/database");
  }

  private static Postgres fromUri(String dsn, String rest, String prefix) {
    Map<String, String> props = defaults();
    String query = cut(rest, '?');
    rest = before(rest, '?');
    String path = cut(rest, '/');
    String authority = before(rest, '/');
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      credentials(dsn, authority.substring(0, at), props);
      authority = authority.substring(at + 1);
    }
    String hosts = checkHosts(dsn, authority.isEmpty() ? "localhost" : authority);
    String database = path == null ? "" : decode(dsn, path);
    StringBuilder url = new StringBuilder(prefix).append(hosts).append('/');
    url.append(URLEncoder.encode(database, StandardCharsets.UTF_8));
    for (Map.Entry<String, String> p : params(dsn, query).entrySet()) {
      props.put(LIBPQ_TO_PGJDBC.getOrDefault(p.getKey(), p.getKey()), p.getValue());
    }
    return new Postgres(url.toString(), props);
  }

  private static Postgres fromJdbc(String dsn, String rest) {
    Map<String, String> props = defaults();
    String query = cut(rest, '?');
    String base = before(rest, '?');
    if (base.startsWith("//")) {
      String server = base.substring(2);
      String authority = before(server, '/');
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        credentials(dsn, authority.substring(0, at), props);
        server = server.substring(at + 1);
        authority = authority.substring(at + 1);
      }
      checkHosts(dsn, authority);
      base = "//" + server;
    }
    StringBuilder kept = new StringBuilder();
    for (Map.Entry<String, String> p : params(dsn, query).entrySet()) {
      if (SECRET_PARAMS.contains(p.getKey())) {
        props.put(p.getKey(), p.getValue());
      } else {
        kept.append(kept.length() == 0 ? '?' : '&').append(p.getKey()).append('=');
        kept.append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      }
    }
    return new Postgres("jdbc:postgresql:" + base + kept, props);
  }

  private static Map<String, String> defaults() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("ApplicationName", "syngen");
    props.put("connectTimeout", "10");
    props.put("loginTimeout", "15");
    return props;
  }

  private static void credentials(String dsn, String userinfo, Map<String, String> props) {
    int colon = userinfo.indexOf(':');
    String user = colon < 0 ? userinfo : userinfo.substring(0, colon);
    if (!user.isEmpty()) {
      props.put("user", decode(dsn, user));
    }
    if (colon >= 0) {
      props.put("password", decode(dsn, userinfo.substring(colon + 1)));
    }
  }

  private static String checkHosts(String dsn, String hosts) {
    if (!HOSTS.matcher(hosts).matches()) {
      throw invalid(dsn, "host '" + hosts + "' is not a host name", "write host or host:port");
    }
    for (String hp : hosts.split(",")) {
      int colon = hp.lastIndexOf(':');
      String port = colon < 0 || hp.endsWith("]") ? null : hp.substring(colon + 1);
      if (port != null && !port.matches("\\d{1,5}")) {
        throw invalid(dsn, "port '" + port + "' is not a number", "write host:5432");
      }
    }
    return hosts;
  }

  private static Map<String, String> params(String dsn, String query) {
    Map<String, String> m = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return m;
    }
    for (String kv : query.split("&")) {
      if (kv.isEmpty()) {
        continue;
      }
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw invalid(dsn, "parameter '" + kv + "' has no value", "write name=value");
      }
      m.put(decode(dsn, kv.substring(0, eq)), decode(dsn, kv.substring(eq + 1)));
    }
    return m;
  }

  /** The SQLite database file a DSN names. */
  public static Path sqlitePath(String dsn) {
    if (dsn == null || dsn.isBlank()) {
      throw new SinkException("sqlite DSN is missing; set dsn to a file path such as data/out.db");
    }
    String d = dsn.trim();
    String lower = d.toLowerCase(Locale.ROOT);
    String path;
    if (lower.startsWith("jdbc:sqlite:")) {
      path = d.substring("jdbc:sqlite:".length());
    } else if (lower.startsWith("sqlite://")) {
      path = d.substring("sqlite://".length());
    } else if (lower.startsWith("sqlite:")) {
      path = d.substring("sqlite:".length());
    } else if (d.contains("://")) {
      throw invalid(dsn, "it is not a SQLite DSN", "write a file path such as data/out.db");
    } else {
      path = d;
    }
    if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
      throw invalid(
          dsn, "it does not name a database file", "write a file path such as data/out.db");
    }
    if (path.indexOf('?') >= 0) {
      throw invalid(
          dsn, "it has URL parameters", "write only the file path; syngen sets the pragmas itself");
    }
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      throw invalid(dsn, e.getReason(), "write a valid file path");
    }
  }

  public static String sqliteUrl(Path file) {
    return "jdbc:sqlite:" + file;
  }

  private static String cut(String s, char c) {
    int i = s.indexOf(c);
    return i < 0 ? null : s.substring(i + 1);
  }

  private static String before(String s, char c) {
    int i = s.indexOf(c);
    return i < 0 ? s : s.substring(0, i);
  }

  private static String decode(String dsn, String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(dsn, "bad percent-encoding", "encode special characters as %XX");
    }
  }

  private static SinkException invalid(String dsn, String why, String fix) {
    return new SinkException("invalid DSN '" + Redactor.dsn(dsn) + "': " + why + "; fix: " + fix);
  }
}
