package dev.syngen.server.interfaces.view;

import dev.syngen.core.sink.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a stored DSN template safely: {@code ${VAR:-default}} references are kept as written (their
 * defaults could be secrets only in a password position, which is masked like any password) and
 * everything else goes through {@link Redactor}.
 */
final class DsnDisplay {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]*}");

  private DsnDisplay() {}

  static String redact(String dsn) {
    if (dsn == null) {
      return null;
    }
    List<String> references = new ArrayList<>();
    Matcher m = REFERENCE.matcher(dsn);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      references.add(m.group());
      m.appendReplacement(sb, "SYNGENREF" + (references.size() - 1) + "X");
    }
    m.appendTail(sb);
    String redacted = Redactor.dsn(sb.toString());
    for (int i = 0; i < references.size(); i++) {
      redacted = redacted.replace("SYNGENREF" + i + "X", references.get(i));
    }
    return redacted;
  }
}
