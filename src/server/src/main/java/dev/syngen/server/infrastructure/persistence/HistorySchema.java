package dev.syngen.server.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
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

  /** A migration that could not be applied; the message is Liquibase's. */
  static final class MigrationException extends Exception {
    MigrationException(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }
}
