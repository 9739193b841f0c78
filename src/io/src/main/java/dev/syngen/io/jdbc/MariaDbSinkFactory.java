package dev.syngen.io.jdbc;

import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.util.Locale;
import java.util.Set;

/**
 * Opens {@code mariadb} (alias {@code mysql}) targets: {@code dsn} names the server and database
 * ({@code mariadb://user:password@host:3306/shop}); {@code schema}, if set, names another database
 * on that server to write into. No options.
 */
public final class MariaDbSinkFactory implements SinkFactory {
  /** The server's own databases, never a place for generated rows. */
  private static final Set<String> SYSTEM =
      Set.of("mysql", "information_schema", "performance_schema", "sys");

  @Override
  public Set<String> kinds() {
    return Set.of("mariadb", "mysql");
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    String database = null;
    if (profile.dsn() == null || profile.dsn().isBlank()) {
      problems.add(
          "dsn", "is missing", "set dsn, e.g. mariadb://user:password@localhost:3306/database");
    } else {
      try {
        database = JdbcUrls.mariadb(profile.dsn()).database();
      } catch (SinkException e) {
        problems.add("dsn", e.getMessage(), "see docs/targets.md for the DSN forms");
      }
    }
    boolean hasSchema = profile.schema() != null && !profile.schema().isBlank();
    if (hasSchema && !Identifiers.isSafe(profile.schema())) {
      problems.add(
          "schema", "'" + profile.schema() + "' is not a safe SQL identifier", Identifiers.RULE);
    } else if (hasSchema && isSystem(profile.schema())) {
      problems.add(
          "schema",
          "'" + profile.schema() + "' is a system database of the server",
          "name a database of your own");
    } else if (!hasSchema && database != null && !Identifiers.isSafe(database)) {
      problems.add(
          "dsn",
          "database '" + database + "' is not a safe SQL identifier",
          Identifiers.RULE + "; or set schema to the database to write into");
    } else if (!hasSchema && database != null && isSystem(database)) {
      problems.add(
          "dsn",
          "database '" + database + "' is a system database of the server",
          "name a database of your own in the DSN");
    }
    for (String k : profile.options().keySet()) {
      problems.add(
          "options." + k,
          "unknown option '" + k + "' for kind " + profile.kind(),
          "remove it; mariadb targets take no options");
    }
  }

  private static boolean isSystem(String database) {
    return SYSTEM.contains(database.toLowerCase(Locale.ROOT));
  }

  /** The database rows go into: {@code schema} when set, else the DSN's. */
  static String database(TargetProfile p, JdbcUrls.MariaDb url) {
    return p.schema() == null || p.schema().isBlank() ? url.database() : p.schema();
  }

  @Override
  public Sink open(TargetProfile profile) {
    Problems problems = new Problems();
    validate(profile, problems);
    SinkException.throwIfInvalid(profile, problems);
    JdbcUrls.MariaDb url = JdbcUrls.mariadb(profile.dsn());
    return new MariaDbSink(url, database(profile, url));
  }

  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    try {
      Problems problems = new Problems();
      validate(profile, problems);
      SinkException.throwIfInvalid(profile, problems);
      JdbcUrls.MariaDb url = JdbcUrls.mariadb(profile.dsn());
      String database = database(profile, url);
      return TargetProbe.mariadb(new MariaDbSink(url, database), url, database);
    } catch (RuntimeException e) {
      return TargetTestResult.failed((System.nanoTime() - t0) / 1_000_000, e.getMessage());
    }
  }
}
