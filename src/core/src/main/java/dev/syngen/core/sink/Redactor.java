package dev.syngen.core.sink;

import java.util.regex.Pattern;

/** Removes secrets from DSNs and messages before they are logged, stored or shown. */
public final class Redactor {
  private static final Pattern USERINFO =
      Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/@\\s]*:)(\\S*)@");
  private static final Pattern PARAM =
      Pattern.compile(
          "(?i)((?:password|passwd|pwd|secret|token|sslpassword|api_key|apikey)=)([^&;\\s]*)");

  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i)(password|passwd|secret|token|api[_-]?key|authorization|credential)");

  private Redactor() {}

  public static String dsn(String dsn) {
    if (dsn == null) {
      return null;
    }
    return text(dsn);
  }

  /** Options with secret values (a JMS password, an HTTP authorization header) shown as ***. */
  public static java.util.Map<String, String> options(java.util.Map<String, String> options) {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    options.forEach((k, v) -> m.put(k, SECRET_KEY.matcher(k).find() ? "***" : text(v)));
    return m;
  }

  /** Redacts passwords in any text that may embed a DSN (error messages, logs). */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    String r = USERINFO.matcher(s).replaceAll("$1***@");
    return PARAM.matcher(r).replaceAll("$1***");
  }
}
