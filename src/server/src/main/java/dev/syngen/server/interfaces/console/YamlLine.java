package dev.syngen.server.interfaces.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a scenario document as the console shows it, with the problem found there; split for
 * highlighting on the server (no script): what leads up to a key, the key, the rest, or the whole
 * line when it is a comment.
 */
public record YamlLine(int number, String text, String problem) {
  private static final Pattern KEY =
      Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z_][A-Za-z0-9_]*)(:.*)$");

  public boolean isComment() {
    return text.stripLeading().startsWith("#");
  }

  /** The indentation and list dash before the key, or the whole line when it has no key. */
  public String getLead() {
    Matcher m = KEY.matcher(text);
    return isComment() ? "" : m.matches() ? m.group(1) : text;
  }

  /** The key of a {@code key: value} line, else empty. */
  public String getKey() {
    Matcher m = KEY.matcher(text);
    return !isComment() && m.matches() ? m.group(2) : "";
  }

  /** What follows the key, from its colon. */
  public String getRest() {
    Matcher m = KEY.matcher(text);
    return !isComment() && m.matches() ? m.group(3) : "";
  }
}
