package dev.syngen.io.clickhouse;

import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.sink.SinkException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a {@code clickhouse} target writes: {@code clickhouse://user:password@host:8123/database}
 * over the HTTP interface, or {@code clickhouses://…} (default port 8443) over HTTPS. User and
 * password may be percent-encoded; the user defaults to {@code default}, the password to empty, the
 * database to {@code default}. {@link #toString} never shows the password.
 */
record ClickHouseDsn(
    boolean secure, String host, int port, String user, String password, String database) {
  static final String FORMS =
      "clickhouse://user:password@host:8123/database (HTTP) or clickhouses://…:8443/… (HTTPS)";

  static ClickHouseDsn parse(String dsn) {
    if (dsn == null || dsn.isBlank()) {
      throw new SinkException("is missing; set it to " + FORMS);
    }
    String s = dsn.trim();
    boolean secure;
    if (s.startsWith("clickhouse://")) {
      secure = false;
      s = s.substring("clickhouse://".length());
    } else if (s.startsWith("clickhouses://")) {
      secure = true;
      s = s.substring("clickhouses://".length());
    } else {
      throw new SinkException("must start with clickhouse:// or clickhouses://, e.g. " + FORMS);
    }
    if (s.indexOf('?') >= 0 || s.indexOf('#') >= 0) {
      throw new SinkException(
          "takes no query parameters; put settings under options (partition_by, ttl)");
    }
    String user = "default";
    String password = "";
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      String info = s.substring(0, at);
      s = s.substring(at + 1);
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
      if (user.isEmpty()) {
        throw new SinkException("has an empty user name; write user@host or leave out user@");
      }
    }
    int slash = s.indexOf('/');
    String hostPort = slash < 0 ? s : s.substring(0, slash);
    String database = slash < 0 ? "" : s.substring(slash + 1);
    if (database.endsWith("/")) {
      database = database.substring(0, database.length() - 1);
    }
    if (database.isEmpty()) {
      database = "default";
    }
    if (!Identifiers.isSafe(database)) {
      throw new SinkException(
          "database '" + database + "' is not a safe identifier; " + Identifiers.RULE);
    }
    if (database.equalsIgnoreCase("system")) {
      throw new SinkException(
          "database 'system' is ClickHouse's catalogue; name a database of your own");
    }
    int port = secure ? 8443 : 8123;
    String host = hostPort;
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && !hostPort.endsWith("]")) {
      host = hostPort.substring(0, colon);
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new SinkException(
            "port '" + hostPort.substring(colon + 1) + "' is not a number; e.g. " + FORMS);
      }
      if (port < 1 || port > 65535) {
        throw new SinkException("port " + port + " is out of range; use 1..65535 (HTTP is 8123)");
      }
      if (port == 9000 || port == 9440) {
        throw new SinkException(
            "port "
                + port
                + " is ClickHouse's native protocol; syngen uses the HTTP interface (8123, or"
                + " 8443 for HTTPS)");
      }
    }
    if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
      throw new SinkException("host '" + host + "' is not a host name or address; e.g. " + FORMS);
    }
    return new ClickHouseDsn(secure, host, port, user, password, database);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SinkException("has a malformed %-escape in its user or password");
    }
  }

  URI endpoint() {
    return URI.create((secure ? "https://" : "http://") + host + ":" + port + "/");
  }

  String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return (secure ? "clickhouses://" : "clickhouse://")
        + user
        + "@"
        + host
        + ":"
        + port
        + "/"
        + database;
  }
}
