package dev.syngen.io.clickhouse;

/**
 * ClickHouse's TabSeparated escapes, read back: {@code \N} is NULL, {@code \t \n \\ …} unescaped.
 */
final class TabSeparated {
  private TabSeparated() {}

  static String unescape(String s) {
    if (s.equals("\\N")) {
      return null;
    }
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case '0' -> b.append('\0');
        default -> b.append(n);
      }
    }
    return b.toString();
  }
}
