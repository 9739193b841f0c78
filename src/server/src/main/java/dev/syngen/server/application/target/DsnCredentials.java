package dev.syngen.server.application.target;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DSN's password ({@code scheme://user:PASSWORD@host…}) apart from the rest, so a form can take
 * it write-only and put it back. {@code ${VAR}} references anywhere in the DSN are kept whole; the
 * password is as written in the DSN (percent-encoded).
 *
 * @param withoutPassword the DSN with {@code :password} removed from its user info
 * @param password the password as written, or null when the DSN has none
 */
public record DsnCredentials(String withoutPassword, String password) {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]*}");

  /** Splits {@code dsn}; one without user info or password comes back whole. */
  public static DsnCredentials split(String dsn) {
    if (dsn == null) {
      return new DsnCredentials(null, null);
    }
    List<String> refs = new ArrayList<>();
    String s = protect(dsn, refs);
    int sep = s.indexOf("://");
    int at = sep < 0 ? -1 : userInfoEnd(s, sep + 3);
    int colon = at < 0 ? -1 : s.indexOf(':', sep + 3);
    if (colon < 0 || colon > at) {
      return new DsnCredentials(dsn, null);
    }
    return new DsnCredentials(
        restore(s.substring(0, colon) + s.substring(at), refs),
        restore(s.substring(colon + 1, at), refs));
  }

  /**
   * {@code dsn} with {@code password} (as it is to be written: encode a typed one with {@link
   * #encode}) in its user info; null when the DSN names no user to give it to.
   */
  public static String withPassword(String dsn, String password) {
    List<String> refs = new ArrayList<>();
    String s = protect(split(dsn).withoutPassword(), refs);
    int sep = s.indexOf("://");
    int at = sep < 0 ? -1 : userInfoEnd(s, sep + 3);
    if (at <= sep + 3) {
      return null;
    }
    return restore(s.substring(0, at), refs) + ":" + password + restore(s.substring(at), refs);
  }

  /** A typed password as a DSN holds it: percent-encoded, unless it is a {@code ${VAR}}. */
  public static String encode(String typed) {
    if (REFERENCE.matcher(typed).matches()) {
      return typed;
    }
    return URLEncoder.encode(typed, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The '@' ending the user info of the authority starting at {@code from}, or -1. */
  private static int userInfoEnd(String s, int from) {
    int end = s.length();
    for (int i = from; i < s.length(); i++) {
      if ("/?#".indexOf(s.charAt(i)) >= 0) {
        end = i;
        break;
      }
    }
    int at = s.lastIndexOf('@', end - 1);
    return at >= from ? at : -1;
  }

  private static String protect(String dsn, List<String> refs) {
    Matcher m = REFERENCE.matcher(dsn);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      refs.add(m.group());
      m.appendReplacement(sb, "SYNGENREF" + (refs.size() - 1) + "X");
    }
    return m.appendTail(sb).toString();
  }

  private static String restore(String s, List<String> refs) {
    String out = s;
    for (int i = 0; i < refs.size(); i++) {
      out = out.replace("SYNGENREF" + i + "X", refs.get(i));
    }
    return out;
  }
}
