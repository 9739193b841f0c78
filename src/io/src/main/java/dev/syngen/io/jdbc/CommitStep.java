package dev.syngen.io.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A statement that joins a writer's transaction, run after its rows and before the commit. */
@FunctionalInterface
interface CommitStep {
  CommitStep NONE = c -> {};

  void run(Connection c) throws SQLException;
}
