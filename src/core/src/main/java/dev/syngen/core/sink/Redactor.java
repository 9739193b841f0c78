package dev.syngen.core.sink;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Removes secrets from DSNs, options and messages before they are logged, stored or shown.
 *
 * <p>Written as single forward scans rather than regular expressions: the text may come from a
 * caller (a DSN in a request body), so the time taken must stay linear in its length whatever it
 * holds.
 */
public final class Redactor {
  /** What a secret is shown as; an edit that sends it back keeps the stored secret. */
  public static final String MASK = "***";

  /** Words that, followed by {@code =} or {@code :}, introduce a secret value. */
  private static final String[] SECRET_WORDS = {
    "password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "credential"
  };

  /** Further words that make an option key secret (its value is a whole credential). */
  private static final String[] SECRET_OPTION_WORDS = {
    "authorization", "cookie", "jaas", "session", "signature", "private"
  };

  /** HTTP headers that never carry credentials; every other {@code header.*} value is hidden. */
  private static final Set<String> PLAIN_HEADERS =
      Set.of(
          "accept",
          "accept-encoding",
          "accept-language",
          "cache-control",
          "content-encoding",
          "content-language",
          "content-type",
          "user-agent",
          "x-request-id",
          "x-correlation-id");

  /**
   * URL schemes whose user-only userinfo ({@code scheme://name@host}) is a user name, not a secret.
   * For every other scheme (nats, http, ws, …) a lone userinfo is a token and is hidden.
   */
  private static final Set<String> NAMED_USER_SCHEMES =
      Set.of(
          "postgres",
          "postgresql",
          "mysql",
          "mariadb",
          "sqlserver",
          "oracle",
          "clickhouse",
          "ch",
          "amqp",
          "amqps",
          "mqtt",
          "mongodb",
          "ftp",
          "sftp",
          "ssh");

  private static final int MAX_SCHEME = 32;

  private Redactor() {}

  public static String dsn(String dsn) {
    return text(dsn);
  }

  /** Options with secret values (a JMS password, an HTTP authorization header) shown as ***. */
  public static Map<String, String> options(Map<String, String> options) {
    Map<String, String> m = new TreeMap<>();
    options.forEach((k, v) -> m.put(k, secretOption(k) ? MASK : text(v)));
    return m;
  }

  /** Whether an option's value is a secret: by its name, or any header but a few plain ones. */
  public static boolean secretOption(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.startsWith("header.")) {
      return !PLAIN_HEADERS.contains(k.substring("header.".length()));
    }
    if (k.equals("key") || k.endsWith(".key") || k.endsWith("private_key")) {
      return true;
    }
    return containsAny(k, SECRET_WORDS) || containsAny(k, SECRET_OPTION_WORDS);
  }

  /** Redacts secrets in any text that may embed a DSN or a setting (error messages, logs). */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    return keyValues(userInfo(s));
  }

  /** Hides {@code scheme://user:PASSWORD@} and, for token schemes, {@code scheme://TOKEN@}. */
  private static String userInfo(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    int from = 0;
    int n = s.length();
    int sep;
    while ((sep = s.indexOf("://", from)) >= 0) {
      int start = sep + 3;
      int i = start;
      while (i < n && ":/@?#".indexOf(s.charAt(i)) < 0 && !boundary(s.charAt(i))) {
        i++;
      }
      if (i < n && s.charAt(i) == ':') {
        // user:password@host: the password may hold anything but whitespace, up to the last '@'
        int colon = i;
        int lastAt = -1;
        while (i < n && !boundary(s.charAt(i))) {
          if (s.charAt(i) == '@') {
            lastAt = i;
          }
          i++;
        }
        if (lastAt > colon) {
          out.append(s, copied, colon + 1).append(MASK);
          copied = lastAt;
        }
      } else if (i < n && s.charAt(i) == '@' && i > start && !namedUser(s, sep)) {
        out.append(s, copied, start).append(MASK);
        copied = i;
      }
      from = Math.max(i, start);
    }
    return copied == 0 ? s : out.append(s, copied, n).toString();
  }

  private static boolean namedUser(String s, int sep) {
    int b = sep;
    while (b > 0 && sep - b < MAX_SCHEME && schemeChar(s.charAt(b - 1))) {
      b--;
    }
    return NAMED_USER_SCHEMES.contains(s.substring(b, sep).toLowerCase(Locale.ROOT));
  }

  /** Hides the value after {@code password=}, {@code token: }, {@code password = "…"} and kin. */
  private static String keyValues(String s) {
    StringBuilder out = null;
    int copied = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!wordChar(s.charAt(i))) {
        i++;
        continue;
      }
      int wordStart = i;
      while (i < n && wordChar(s.charAt(i))) {
        i++;
      }
      if (!secretWord(s, wordStart, i)) {
        continue;
      }
      int j = i;
      if (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
        j++; // a quoted JSON or YAML key
      }
      j = skipSpaces(s, j);
      if (j >= n || (s.charAt(j) != '=' && s.charAt(j) != ':')) {
        continue;
      }
      j = skipSpaces(s, j + 1);
      int valueStart = j;
      int valueEnd = valueEnd(s, j);
      if (valueEnd > valueStart && !s.startsWith(MASK, valueStart)) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        boolean quoted = s.charAt(valueStart) == '"' || s.charAt(valueStart) == '\'';
        out.append(s, copied, quoted ? valueStart + 1 : valueStart).append(MASK);
        copied = quoted && valueEnd - 1 > valueStart ? valueEnd - 1 : valueEnd;
      }
      i = Math.max(valueEnd, i);
    }
    return out == null ? s : out.append(s, copied, n).toString();
  }

  /** The end of a value: a quoted string, a scheme word and its credential, or a plain token. */
  private static int valueEnd(String s, int j) {
    int n = s.length();
    if (j >= n) {
      return j;
    }
    char q = s.charAt(j);
    if (q == '"' || q == '\'') {
      int close = s.indexOf(q, j + 1);
      return close < 0 ? n : close + 1;
    }
    int e = plainEnd(s, j);
    String word = s.substring(j, e).toLowerCase(Locale.ROOT);
    if ((word.equals("bearer") || word.equals("basic")) && e < n && s.charAt(e) == ' ') {
      return plainEnd(s, e + 1);
    }
    return e;
  }

  private static int plainEnd(String s, int j) {
    int n = s.length();
    while (j < n && "&;,".indexOf(s.charAt(j)) < 0 && !boundary(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean secretWord(String s, int from, int to) {
    String w = s.substring(from, to).toLowerCase(Locale.ROOT);
    return containsAny(w, SECRET_WORDS)
        || w.equals("authorization")
        || w.endsWith("-authorization")
        || w.equals("cookie");
  }

  private static boolean containsAny(String lowerCase, String[] words) {
    for (String w : words) {
      if (lowerCase.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static int skipSpaces(String s, int j) {
    while (j < s.length() && s.charAt(j) == ' ') {
      j++;
    }
    return j;
  }

  private static boolean boundary(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>';
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private static boolean schemeChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
  }
}
