package dev.syngen.core.indexgate;

import dev.syngen.core.indexgate.DdlStatement.Kind;
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
 * The DDL a gate applies between its two baselines: {@code CREATE INDEX}, {@code DROP INDEX} and
 * {@code ANALYZE} statements only, each run on its own outside a transaction (PostgreSQL's {@code
 * CREATE INDEX CONCURRENTLY} cannot run inside one). Every index is named, so the gate can check it
 * does not exist yet and drop it again on rollback. MariaDB has no {@code CONCURRENTLY}; its online
 * form is {@code ALGORITHM=INPLACE LOCK=NONE}.
 */
public record DdlScript(Dialect dialect, List<DdlStatement> statements, List<String> notes) {
  /** At most this many statements. */
  public static final int MAX_STATEMENTS = 50;

  /** At most this many characters. */
  public static final int MAX_CHARS = 65_536;

  private static final String ID =
      "(?:\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\.)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?";
  private static final Pattern PG_CREATE =
      Pattern.compile(
          "(?is)create\\s+(unique\\s+)?index\\s+(concurrently\\s+)?(if\\s+not\\s+exists\\s+)?"
              + "\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s+on\\s+(?:only\\s+)?"
              + ID
              + "\\s*(?:using\\s+\\w+\\s*)?\\(.*");
  private static final Pattern MARIA_CREATE =
      Pattern.compile(
          "(?is)create\\s+(unique\\s+)?index\\s+(if\\s+not\\s+exists\\s+)?"
              + "`?([A-Za-z_][A-Za-z0-9_]*)`?\\s+on\\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\\s*\\(.*");
  private static final Pattern PG_DROP =
      Pattern.compile(
          "(?is)drop\\s+index\\s+(concurrently\\s+)?(if\\s+exists\\s+)?"
              + ID
              + "\\s*(cascade|restrict)?");
  private static final Pattern MARIA_DROP =
      Pattern.compile(
          "(?is)drop\\s+index\\s+(if\\s+exists\\s+)?`?([A-Za-z_][A-Za-z0-9_]*)`?\\s+on\\s+`?([A-Za-z_][A-Za-z0-9_]*)`?");
  private static final Pattern PG_ANALYZE =
      Pattern.compile("(?is)analyze(?:\\s+verbose)?(?:\\s+" + ID + "(?:\\s*,\\s*" + ID + ")*)?");
  private static final Pattern MARIA_ANALYZE =
      Pattern.compile(
          "(?is)analyze\\s+(?:no_write_to_binlog\\s+|local\\s+)?tables?\\s+`?[A-Za-z_][A-Za-z0-9_]*`?"
              + "(?:\\s*,\\s*`?[A-Za-z_][A-Za-z0-9_]*`?)*(?:\\s+persistent\\s+for\\s+all)?");

  public DdlScript {
    statements = List.copyOf(statements);
    notes = List.copyOf(notes);
  }

  /** The indexes the script creates, in order. */
  public List<DdlStatement> creates() {
    return statements.stream().filter(s -> s.kind() == Kind.CREATE_INDEX).toList();
  }

  /** The SQL of every statement, in order. */
  public List<String> sql() {
    return statements.stream().map(DdlStatement::sql).toList();
  }

  /**
   * Parses {@code text} for {@code dialect}; every problem goes to {@code problems} under {@code
   * path}.
   */
  public static DdlScript parse(String text, Dialect dialect, String path, Problems problems) {
    List<DdlStatement> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (text == null || text.isBlank()) {
      problems.add(path, "holds no statements", "write CREATE INDEX statements, one per ';'");
      return new DdlScript(dialect, out, notes);
    }
    if (text.length() > MAX_CHARS) {
      problems.add(
          path,
          "is " + text.length() + " characters long, more than " + MAX_CHARS,
          "apply fewer statements at once");
      return new DdlScript(dialect, out, notes);
    }
    List<SqlText.Statement> all = SqlText.split(text);
    if (all.size() > MAX_STATEMENTS) {
      problems.add(
          path,
          "has " + all.size() + " statements, more than " + MAX_STATEMENTS,
          "apply the indexes in several gates");
      return new DdlScript(dialect, out, notes);
    }
    Set<String> created = new HashSet<>();
    for (SqlText.Statement s : all) {
      String where = path + " line " + s.line();
      DdlStatement d =
          dialect == Dialect.POSTGRES
              ? postgres(s, where, problems, notes)
              : mariadb(s, where, problems);
      if (d == null) {
        continue;
      }
      if (d.kind() == Kind.CREATE_INDEX && !created.add(d.index().toLowerCase(Locale.ROOT))) {
        problems.add(
            where, "index '" + d.index() + "' is created twice", "give each index its own name");
      }
      out.add(d);
    }
    if (problems.isEmpty() && out.stream().noneMatch(d -> d.kind() != Kind.ANALYZE)) {
      problems.add(path, "creates or drops no index", "write CREATE INDEX statements");
    }
    return new DdlScript(dialect, out, notes);
  }

  private static DdlStatement postgres(
      SqlText.Statement s, String where, Problems problems, List<String> notes) {
    String sql = s.sql();
    Matcher m = PG_CREATE.matcher(sql);
    if (m.matches()) {
      if (m.group(2) == null) {
        notes.add(
            "line "
                + s.line()
                + ": index "
                + m.group(4)
                + " is built without CONCURRENTLY, which blocks writes to "
                + m.group(6)
                + " while it builds; production DDL usually says CREATE INDEX CONCURRENTLY");
      }
      return named(
          sql, Kind.CREATE_INDEX, m.group(4), m.group(5), m.group(6), s.line(), where, problems);
    }
    m = PG_DROP.matcher(sql);
    if (m.matches()) {
      return named(sql, Kind.DROP_INDEX, m.group(4), m.group(3), null, s.line(), where, problems);
    }
    if (PG_ANALYZE.matcher(sql).matches()) {
      return new DdlStatement(sql, Kind.ANALYZE, null, null, s.line());
    }
    refuse(
        sql,
        where,
        problems,
        "CREATE INDEX [CONCURRENTLY] name ON table (...), DROP INDEX, ANALYZE");
    return null;
  }

  private static DdlStatement mariadb(SqlText.Statement s, String where, Problems problems) {
    String sql = s.sql();
    if (sql.toLowerCase(Locale.ROOT)
        .matches("(?s)create\\s+(unique\\s+)?index\\s+concurrently\\b.*")) {
      problems.add(
          where,
          "MariaDB has no CREATE INDEX CONCURRENTLY",
          "write CREATE INDEX name ON table (...) ALGORITHM=INPLACE LOCK=NONE, MariaDB's online"
              + " index build");
      return null;
    }
    Matcher m = MARIA_CREATE.matcher(sql);
    if (m.matches()) {
      return named(sql, Kind.CREATE_INDEX, m.group(3), null, m.group(4), s.line(), where, problems);
    }
    m = MARIA_DROP.matcher(sql);
    if (m.matches()) {
      return named(sql, Kind.DROP_INDEX, m.group(2), null, m.group(3), s.line(), where, problems);
    }
    if (MARIA_ANALYZE.matcher(sql).matches()) {
      return new DdlStatement(sql, Kind.ANALYZE, null, null, s.line());
    }
    refuse(
        sql,
        where,
        problems,
        "CREATE INDEX name ON table (...) [ALGORITHM=INPLACE LOCK=NONE], DROP INDEX name ON table,"
            + " ANALYZE TABLE t");
    return null;
  }

  private static DdlStatement named(
      String sql,
      Kind kind,
      String index,
      String schema,
      String table,
      int line,
      String where,
      Problems problems) {
    if (schema != null) {
      problems.add(
          where,
          "names the schema '" + schema + "'",
          "leave it out: the gate works in the target's schema, so the same DDL fits every target");
      return null;
    }
    if (!Identifiers.isSafe(index) || (table != null && !Identifiers.isSafe(table))) {
      problems.add(where, "index or table name is not a plain name", Identifiers.RULE);
      return null;
    }
    return new DdlStatement(sql, kind, index, table, line);
  }

  private static void refuse(String sql, String where, Problems problems, String allowed) {
    problems.add(
        where,
        "'" + QuerySet.firstWord(sql) + " …' is not a statement the gate runs",
        "the DDL file may hold only " + allowed + " (with a name on every index)");
  }
}
