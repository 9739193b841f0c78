package dev.syngen.server.infrastructure.persistence;

import java.util.List;

/** One table of the run-history schema: its columns (name and SQL type) and indexed columns. */
record HistoryTable(String name, List<Column> columns, String primaryKey, List<String> indexes) {

  /** A column; {@code type} uses {@code TEXT} for long text, mapped per database. */
  record Column(String name, String type, boolean required) {}

  static Column col(String name, String type) {
    return new Column(name, type, false);
  }

  static Column required(String name, String type) {
    return new Column(name, type, true);
  }

  /** The version-1 schema of syngen's own data (JPA entities in this package map onto it). */
  static final List<HistoryTable> ALL =
      List.of(
          new HistoryTable(
              "SYNGEN_RUN",
              List.of(
                  required("id", "VARCHAR(40)"),
                  required("status", "VARCHAR(16)"),
                  col("scenario_id", "VARCHAR(128)"),
                  col("scenario_name", "VARCHAR(256)"),
                  col("scenario_version", "VARCHAR(64)"),
                  col("scenario_source", "VARCHAR(256)"),
                  col("target_id", "VARCHAR(64)"),
                  col("target_name", "VARCHAR(256)"),
                  col("target_kind", "VARCHAR(32)"),
                  col("target_dsn", "VARCHAR(2048)"),
                  required("seed", "BIGINT"),
                  col("as_of", "VARCHAR(64)"),
                  col("config_hash", "VARCHAR(64)"),
                  col("table_mode", "VARCHAR(32)"),
                  col("parallelism", "INTEGER"),
                  col("batch_size", "INTEGER"),
                  col("overrides_json", "TEXT"),
                  col("scenario_document", "TEXT"),
                  col("target_spec_json", "TEXT"),
                  col("trace_id", "VARCHAR(64)"),
                  col("created_by", "VARCHAR(128)"),
                  col("rerun_of", "VARCHAR(40)"),
                  col("created_at", "BIGINT"),
                  col("started_at", "BIGINT"),
                  col("finished_at", "BIGINT"),
                  col("error_message", "TEXT")),
              "id",
              List.of("created_at", "status")),
          new HistoryTable(
              "SYNGEN_RUN_ENTITY",
              List.of(
                  required("id", "IDENTITY"),
                  required("run_id", "VARCHAR(40)"),
                  required("entity_order", "INTEGER"),
                  required("entity_name", "VARCHAR(64)"),
                  col("table_name", "VARCHAR(64)"),
                  required("rows_planned", "BIGINT"),
                  required("rows_written", "BIGINT"),
                  required("duration_ms", "BIGINT")),
              "id",
              List.of("run_id")),
          new HistoryTable(
              "SYNGEN_RUN_LOG",
              List.of(
                  required("id", "IDENTITY"),
                  required("run_id", "VARCHAR(40)"),
                  required("log_level", "VARCHAR(8)"),
                  required("logged_at", "BIGINT"),
                  col("entity_name", "VARCHAR(64)"),
                  required("message_text", "VARCHAR(4000)"),
                  col("trace_id", "VARCHAR(64)")),
              "id",
              List.of("run_id")),
          new HistoryTable(
              "SYNGEN_AUDIT",
              List.of(
                  required("id", "IDENTITY"),
                  required("occurred_at", "BIGINT"),
                  required("actor", "VARCHAR(128)"),
                  required("audit_action", "VARCHAR(64)"),
                  required("subject", "VARCHAR(256)"),
                  col("details", "VARCHAR(4000)"),
                  col("trace_id", "VARCHAR(64)")),
              "id",
              List.of("occurred_at", "subject")),
          new HistoryTable(
              "SYNGEN_TARGET",
              List.of(
                  required("id", "VARCHAR(64)"),
                  col("display_name", "VARCHAR(256)"),
                  required("target_kind", "VARCHAR(32)"),
                  required("dsn", "VARCHAR(2048)"),
                  col("schema_name", "VARCHAR(64)"),
                  col("options_json", "TEXT"),
                  required("source_kind", "VARCHAR(16)"),
                  col("created_at", "BIGINT"),
                  col("updated_at", "BIGINT"),
                  col("row_version", "BIGINT")),
              "id",
              List.of()),
          new HistoryTable(
              "SYNGEN_FIDELITY",
              List.of(
                  required("id", "IDENTITY"),
                  required("run_id", "VARCHAR(40)"),
                  required("checked_at", "BIGINT"),
                  col("checked_by", "VARCHAR(128)"),
                  required("verdict", "VARCHAR(8)"),
                  col("tolerance", "VARCHAR(16)"),
                  col("report_json", "TEXT"),
                  col("report_html", "TEXT")),
              "id",
              List.of("run_id")),
          new HistoryTable(
              "SYNGEN_BATCH_JOB",
              List.of(
                  required("run_id", "VARCHAR(40)"),
                  required("job_instance", "BIGINT"),
                  required("job_execution", "BIGINT")),
              "run_id",
              List.of()),
          new HistoryTable(
              "SYNGEN_BATCH_PARTITION",
              List.of(
                  required("id", "VARCHAR(300)"),
                  required("run_id", "VARCHAR(40)"),
                  required("entity_name", "VARCHAR(64)"),
                  required("first_row", "BIGINT"),
                  required("next_row", "BIGINT"),
                  required("bytes_written", "BIGINT")),
              "id",
              List.of("run_id")),
          new HistoryTable(
              "SYNGEN_CONSUMER_CHECK",
              List.of(
                  required("id", "VARCHAR(112)"),
                  required("run_id", "VARCHAR(40)"),
                  required("entity_name", "VARCHAR(64)"),
                  col("rows_expected", "BIGINT"),
                  required("rows_received", "BIGINT"),
                  required("rows_duplicated", "BIGINT"),
                  col("rows_missing", "BIGINT"),
                  required("rows_unexpected", "BIGINT"),
                  required("rows_untracked", "BIGINT"),
                  required("is_complete", "INTEGER"),
                  required("checked_at", "BIGINT")),
              "id",
              List.of("run_id")));
}
