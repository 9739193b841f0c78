package dev.syngen.core.indexgate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons outside quotes ({@code '…'}, {@code "…"}, {@code
 * `…`}), dollar quotes ({@code $$…$$}, {@code $tag$…$tag$}) and comments ({@code --}, {@code
 * /*…*&#47;}), and strips comments, keeping the line each statement starts on.
 */
final class SqlText {
  /** One statement without its semicolon and comments, and the 1-based line it starts on. */
  record Statement(String sql, int line) {}

  private SqlText() {}

  static List<Statement> split(String text) {
    List<Statement> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int line = 1;
    int start = -1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(text, i, end);
        cur.append(' ');
        i = end;
        continue;
      }
      if (c == ';') {
        add(out, cur, start);
        cur.setLength(0);
        start = -1;
        i++;
        continue;
      }
      int end = i + 1;
      if (c == '\'' || c == '"' || c == '`') {
        end = closing(text, i, String.valueOf(c));
      } else if (c == '$') {
        int tagEnd = dollarTag(text, i);
        if (tagEnd > 0) {
          end = closing(text, i, text.substring(i, tagEnd));
        }
      }
      if (start < 0 && !Character.isWhitespace(c)) {
        start = line;
      }
      cur.append(text, i, end);
      line += count(text, i, end);
      i = end;
    }
    add(out, cur, start);
    return out;
  }

  private static void add(List<Statement> out, StringBuilder cur, int line) {
    String s = cur.toString().strip();
    if (!s.isEmpty()) {
      out.add(new Statement(s, line));
    }
  }

  /** The index just after the quote that closes the one at {@code i}, or the end of the text. */
  private static int closing(String text, int i, String quote) {
    int from = i + quote.length();
    while (true) {
      int j = text.indexOf(quote, from);
      if (j < 0) {
        return text.length();
      }
      if (quote.length() == 1
          && j + 1 < text.length()
          && text.charAt(j + 1) == quote.charAt(0)
          && quote.charAt(0) != '$') {
        from = j + 2;
        continue;
      }
      return j + quote.length();
    }
  }

  /** The end of a dollar-quote tag starting at {@code i} ({@code $$}, {@code $tag$}), or -1. */
  private static int dollarTag(String text, int i) {
    int j = i + 1;
    while (j < text.length()
        && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
      j++;
    }
    if (j < text.length()
        && text.charAt(j) == '$'
        && (j == i + 1 || !Character.isDigit(text.charAt(i + 1)))) {
      return j + 1;
    }
    return -1;
  }

  private static int count(String text, int from, int to) {
    int k = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        k++;
      }
    }
    return k;
  }
}
