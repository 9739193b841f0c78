package dev.syngen.core.indexgate;

import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.problem.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queries a gate measures, read from a file of named queries: each starts with a line {@code --
 * name: message_history}, may have comment lines that describe it, and holds exactly one {@code
 * SELECT} or {@code WITH} statement with its parameters written in. The database runs them in a
 * read-only transaction, so a query cannot change data even when it tries.
 */
public record QuerySet(List<NamedQuery> queries) {
  /** At most this many queries in a set. */
  public static final int MAX_QUERIES = 20;

  /** At most this many characters of query text. */
  public static final int MAX_CHARS = 65_536;

  private static final Pattern NAME_LINE =
      Pattern.compile("^\\s*--\\s*name\\s*:\\s*(\\S*)\\s*$", Pattern.MULTILINE);
  private static final Pattern READ = Pattern.compile("(?is)^\\(*\\s*(select|with)\\b.*");
  private static final String FORMAT =
      "start each query with a line '-- name: my_query' followed by one SELECT or WITH statement";

  public QuerySet {
    queries = List.copyOf(queries);
  }

  /** The names, in order. */
  public List<String> names() {
    return queries.stream().map(NamedQuery::name).toList();
  }

  /** Parses {@code text}; every problem goes to {@code problems} under {@code path}. */
  public static QuerySet parse(String text, String path, Problems problems) {
    if (text == null || text.isBlank()) {
      problems.add(path, "holds no queries", FORMAT);
      return new QuerySet(List.of());
    }
    if (text.length() > MAX_CHARS) {
      problems.add(
          path,
          "is " + text.length() + " characters long, more than " + MAX_CHARS,
          "measure fewer or shorter queries");
      return new QuerySet(List.of());
    }
    Matcher m = NAME_LINE.matcher(text);
    List<int[]> marks = new ArrayList<>();
    while (m.find()) {
      marks.add(new int[] {m.start(), m.end()});
    }
    String head = marks.isEmpty() ? text : text.substring(0, marks.get(0)[0]);
    if (!SqlText.split(head).isEmpty()) {
      problems.add(path + " line 1", "has SQL before the first '-- name:' line", FORMAT);
    }
    if (marks.isEmpty()) {
      return new QuerySet(List.of());
    }
    if (marks.size() > MAX_QUERIES) {
      problems.add(
          path,
          "has " + marks.size() + " queries, more than " + MAX_QUERIES,
          "split the set and gate it in parts");
      return new QuerySet(List.of());
    }
    List<NamedQuery> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < marks.size(); k++) {
      int line =
          1 + (int) text.substring(0, marks.get(k)[0]).chars().filter(c -> c == '\n').count();
      Matcher nm = NAME_LINE.matcher(text.substring(marks.get(k)[0], marks.get(k)[1]));
      nm.find();
      String name = nm.group(1);
      String where = path + " line " + line;
      if (!Identifiers.isSafe(name)) {
        problems.add(where, "query name '" + name + "' is not a plain name", Identifiers.RULE);
        continue;
      }
      where = path + "." + name;
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        problems.add(
            where, "the name '" + name + "' is used twice", "give each query its own name");
      }
      int end = k + 1 < marks.size() ? marks.get(k + 1)[0] : text.length();
      String body = text.substring(marks.get(k)[1], end);
      List<SqlText.Statement> statements = SqlText.split(body);
      if (statements.size() != 1) {
        problems.add(
            where,
            statements.isEmpty() ? "has no SQL" : "has " + statements.size() + " statements",
            "write exactly one SELECT or WITH statement per query");
        continue;
      }
      String sql = statements.get(0).sql();
      if (!READ.matcher(sql).matches()) {
        problems.add(
            where,
            "is not a query (it starts with '" + firstWord(sql) + "')",
            "the gate measures SELECT or WITH queries; put indexes in the DDL file");
        continue;
      }
      out.add(new NamedQuery(name, description(body), sql));
    }
    return new QuerySet(out);
  }

  private static String description(String body) {
    StringBuilder d = new StringBuilder();
    for (String l : body.strip().split("\n")) {
      String s = l.strip();
      if (!s.startsWith("--")) {
        break;
      }
      d.append(d.length() == 0 ? "" : " ").append(s.substring(2).strip());
    }
    return d.toString();
  }

  static String firstWord(String sql) {
    String s = sql.strip();
    int i = 0;
    while (i < s.length() && i < 20 && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i);
  }
}
