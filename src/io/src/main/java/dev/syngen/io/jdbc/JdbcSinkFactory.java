package dev.syngen.io.jdbc;

import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.util.Map;
import java.util.Set;

/**
 * Opens {@code postgres} (alias {@code postgresql}) and {@code sqlite} targets. PostgreSQL takes
 * {@code schema} (default {@code public}) and the options {@code copy_format} (binary or text) and
 * {@code cdc} (write: a lifecycle's change stream is stored as rows; apply: it is applied to its
 * entity's table).
 */
public final class JdbcSinkFactory implements SinkFactory {
  static final String DEFAULT_SCHEMA = "public";
  static final String CDC_OPTION = "cdc";
  static final Set<String> CDC_MODES = Set.of("write", "apply");

  @Override
  public Set<String> kinds() {
    return Set.of("postgres", "postgresql", "sqlite");
  }

  private static boolean isSqlite(TargetProfile p) {
    return "sqlite".equals(p.kind());
  }

  static String schema(TargetProfile p) {
    return p.schema() == null || p.schema().isBlank() ? DEFAULT_SCHEMA : p.schema();
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    if (profile.dsn() == null || profile.dsn().isBlank()) {
      problems.add(
          "dsn",
          "is missing",
          isSqlite(profile)
              ? "set dsn to a database file, e.g. ./out/data.db"
              : "set dsn, e.g. postgres://user:password@localhost:5432/db?sslmode=disable");
    } else {
      try {
        if (isSqlite(profile)) {
          JdbcUrls.sqlitePath(profile.dsn());
        } else {
          JdbcUrls.postgres(profile.dsn());
        }
      } catch (SinkException e) {
        problems.add("dsn", e.getMessage(), "see docs/targets.md for the DSN forms");
      }
    }
    if (isSqlite(profile)) {
      validateSqlite(profile, problems);
    } else {
      validatePostgres(profile, problems);
    }
  }

  private static void validatePostgres(TargetProfile profile, Problems problems) {
    if (profile.schema() != null && !Identifiers.isSafe(profile.schema())) {
      problems.add(
          "schema", "'" + profile.schema() + "' is not a safe SQL identifier", Identifiers.RULE);
    } else if (isSystemSchema(profile.schema())) {
      problems.add(
          "schema",
          "'" + profile.schema() + "' is a PostgreSQL system schema",
          "name a schema of your own (e.g. public or syngen); pg_* and information_schema are"
              + " PostgreSQL's catalogue");
    }
    for (Map.Entry<String, String> o : profile.options().entrySet()) {
      String path = "options." + o.getKey();
      if (o.getKey().equals(CDC_OPTION)) {
        if (o.getValue() == null || !CDC_MODES.contains(o.getValue())) {
          problems.add(
              path,
              "'" + o.getValue() + "' is not a way to write a change stream",
              "use write (store <entity>_cdc as rows, the default) or apply (apply it to the"
                  + " entity's table in order)");
        }
      } else if (!o.getKey().equals(CopyFormat.OPTION)) {
        problems.add(
            path,
            "unknown option '" + o.getKey() + "' for kind " + profile.kind(),
            "remove it; the options are copy_format (binary | text) and cdc (write | apply)");
      } else if (o.getValue() == null || CopyFormat.parse(o.getValue()).isEmpty()) {
        problems.add(path, "'" + o.getValue() + "' is not a COPY format", "use binary or text");
      }
    }
  }

  /** PostgreSQL's catalogue: pg_catalog, pg_toast, any pg_* (reserved) and information_schema. */
  static boolean isSystemSchema(String schema) {
    if (schema == null) {
      return false;
    }
    String s = schema.toLowerCase(java.util.Locale.ROOT);
    return s.startsWith("pg_") || s.equals("information_schema");
  }

  private static void validateSqlite(TargetProfile profile, Problems problems) {
    if (profile.schema() != null && !profile.schema().isBlank()) {
      problems.add(
          "schema", "sqlite databases have no schemas", "remove schema; dsn names the file");
    }
    for (String k : profile.options().keySet()) {
      problems.add(
          "options." + k,
          "unknown option '" + k + "' for kind sqlite",
          "remove it; sqlite targets take no options");
    }
  }

  @Override
  public Sink open(TargetProfile profile) {
    Problems problems = new Problems();
    validate(profile, problems);
    SinkException.throwIfInvalid(profile, problems);
    if (isSqlite(profile)) {
      return new SqliteSink(JdbcUrls.sqlitePath(profile.dsn()));
    }
    CopyFormat format = CopyFormat.parse(profile.option(CopyFormat.OPTION, "binary")).orElseThrow();
    boolean apply = "apply".equals(profile.option(CDC_OPTION, "write"));
    return new PostgresCopySink(JdbcUrls.postgres(profile.dsn()), schema(profile), format, apply);
  }

  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    try {
      return isSqlite(profile)
          ? TargetProbe.sqlite(JdbcUrls.sqlitePath(profile.dsn()))
          : TargetProbe.postgres(JdbcUrls.postgres(profile.dsn()), schema(profile));
    } catch (RuntimeException e) {
      return TargetTestResult.failed((System.nanoTime() - t0) / 1_000_000, e.getMessage());
    }
  }
}
