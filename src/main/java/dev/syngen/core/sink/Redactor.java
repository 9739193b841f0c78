package dev.syngen.core.sink;

import java.util.regex.Pattern;

/** Removes secrets from DSNs and messages before they are logged, stored or shown. */
public final class Redactor {
  private static final Pattern USERINFO =
      Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/@\\s]*:)(\\S*)@");
  private static final Pattern PARAM =
      Pattern.compile(
          "(?i)((?:password|passwd|pwd|secret|token|sslpassword|api_key|apikey)=)([^&;\\s]*)");

  private Redactor() {}

  public static String dsn(String dsn) {
    if (dsn == null) {
      return null;
    }
    return text(dsn);
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
