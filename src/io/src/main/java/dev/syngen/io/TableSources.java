package dev.syngen.io;

import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.clickhouse.ClickHouseTableSource;
import dev.syngen.io.file.FileTableSource;
import dev.syngen.io.jdbc.JdbcTableSource;

/** Opens a {@link TableSource} that reads back what a target holds, by the target's kind. */
public final class TableSources {
  private TableSources() {}

  public static TableSource open(TargetProfile target) {
    return switch (target.kind()) {
      case "csv", "ndjson" -> new FileTableSource(target.dsn(), target.kind());
      case "sqlite" -> JdbcTableSource.sqlite(target.dsn());
      case "postgres", "postgresql" -> JdbcTableSource.postgres(target.dsn(), target.schema());
      case "clickhouse" -> ClickHouseTableSource.open(target.dsn());
      case "mariadb", "mysql" -> JdbcTableSource.mariadb(target.dsn(), target.schema());
      default ->
          throw new IllegalArgumentException(
              "target kind '"
                  + target.kind()
                  + "' cannot be read back; use csv, ndjson, sqlite, postgres, mariadb or clickhouse");
    };
  }
}
