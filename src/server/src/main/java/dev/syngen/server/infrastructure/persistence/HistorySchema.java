package dev.syngen.server.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.ui.LoggerUIService;

/**
 * Brings the run-history database to the newest schema at start by applying the Liquibase changelog
 * {@code db/migration/changelog.xml} (versioned SQL per database), before any bean reads the
 * history: those beans depend on this one. JPA only maps onto the tables this creates.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistorySchema {
  static final String CHANGELOG = "db/migration/changelog.xml";

  /**
   * Liquibase's record of applied changeSets, under its usual name. A name with underscores is not
   * found again on Derby (Liquibase's catalogue lookup treats them as patterns there), so a second
   * start would try to create the table anew.
   */
  static final String CHANGELOG_TABLE = "DATABASECHANGELOG";

  /** The lock that serialises servers migrating one database. */
  static final String LOCK_TABLE = "DATABASECHANGELOGLOCK";

  /** Attempts at migrating before the server's start fails with the last error. */
  static final int ATTEMPTS = 3;

  private static final Logger LOG = Logger.getLogger(HistorySchema.class.getName());

  @Resource(lookup = "jdbc/syngen")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    try (Connection c = dataSource.getConnection()) {
      migrate(c);
    } catch (SQLException | MigrationException e) {
      throw new IllegalStateException(
          "cannot migrate the run-history database (jdbc/syngen): " + e.getMessage(), e);
    }
  }

  /**
   * Applies every changeSet the connection's database has not had yet; the caller keeps and closes
   * the connection. Several servers sharing one database wait for each other on {@link
   * #LOCK_TABLE}.
   */
  static void migrate(Connection connection) throws MigrationException {
    migrate(connection, HistorySchema::update);
  }

  /** One attempt at bringing the database up to date; the real one is Liquibase's update. */
  @FunctionalInterface
  interface Update {
    void apply(Connection connection, Map<String, Object> scope) throws Exception;
  }

  static void migrate(Connection connection, Update update) throws MigrationException {
    ClassLoader loader = HistorySchema.class.getClassLoader();
    Map<String, Object> scope =
        Map.of(
            Scope.Attr.classLoader.name(),
            loader,
            Scope.Attr.resourceAccessor.name(),
            new ClassPathMigrations(loader),
            Scope.Attr.ui.name(),
            new LoggerUIService(),
            // no usage reports sent from a user's server
            "liquibase.analytics.enabled",
            false);
    try {
      boolean autoCommit = connection.getAutoCommit();
      try {
        for (int attempt = 1; ; attempt++) {
          try {
            update.apply(connection, scope);
            break;
          } catch (Exception e) {
            connection.rollback();
            if (attempt == ATTEMPTS) {
              throw new MigrationException(e);
            }
            // members of a new cluster starting together race to create Liquibase's own tables
            // (the lock table cannot serialise its own creation): the loser finds them next time
            LOG.warning(
                "migrating the run-history database failed (attempt "
                    + attempt
                    + " of "
                    + ATTEMPTS
                    + "), trying again: "
                    + e.getMessage());
            pause(attempt);
          }
        }
      } finally {
        // Liquibase turns auto-commit off; hand the connection back as it came
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new MigrationException(e);
    }
  }

  /** Waits a random 0.5–1.5 s times the attempt, so racing servers do not meet again. */
  private static void pause(int attempt) throws MigrationException {
    try {
      Thread.sleep(attempt * ThreadLocalRandom.current().nextLong(500, 1_500));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException(e);
    }
  }

  private static void update(Connection connection, Map<String, Object> scope) throws Exception {
    ensureSchema(connection);
    // Liquibase keeps what it learnt of a database (history, lock, catalogue) in JVM-wide
    // singletons keyed by the database's URL; start from the database as it is now.
    ChangeLogHistoryServiceFactory.getInstance().resetAll();
    LockServiceFactory.getInstance().resetAll();
    SnapshotGeneratorFactory.resetAll();
    Database database =
        DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
    database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
    database.setDatabaseChangeLogLockTableName(LOCK_TABLE);
    Scope.child(
        scope,
        () ->
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(
                    ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                .execute());
  }

  /**
   * On PostgreSQL, creates the schema the connection was opened for ({@code syngen.db.schema}, the
   * first entry of its {@code search_path}) when it does not exist yet, so a server, or a cluster's
   * members, started on a fresh database need no manual step. Members racing to create it retry
   * with the rest of the migration.
   */
  static void ensureSchema(Connection connection) throws SQLException {
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT current_schema()")) {
        if (r.next() && r.getString(1) != null) {
          return; // the search path names an existing schema
        }
      }
      String path;
      try (ResultSet r = s.executeQuery("SHOW search_path")) {
        path = r.next() ? r.getString(1) : "";
      }
      String name = schemaName(path.split(",")[0].trim());
      if (name == null) {
        throw new SQLException(
            "the history database's search_path is '"
                + path
                + "', which names no schema syngen can create; fix: set SYNGEN_DB_SCHEMA to a"
                + " name of letters, digits and underscores");
      }
      s.execute("CREATE SCHEMA IF NOT EXISTS \"" + name + "\"");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      LOG.info("created the run-history schema " + name);
    }
  }

  /**
   * The schema a {@code search_path} entry names as PostgreSQL resolves it: unquoted folds to lower
   * case, quoted keeps its case; null for anything else ({@code $user}, other characters).
   */
  static String schemaName(String entry) {
    if (entry.length() > 2 && entry.startsWith("\"") && entry.endsWith("\"")) {
      String quoted = entry.substring(1, entry.length() - 1);
      return quoted.matches("[A-Za-z0-9_]{1,63}") ? quoted : null;
    }
    return entry.matches("[A-Za-z_][A-Za-z0-9_]{0,62}") ? entry.toLowerCase(Locale.ROOT) : null;
  }

  /** A migration that could not be applied; the message is Liquibase's. */
  static final class MigrationException extends Exception {
    MigrationException(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }
}
