package dev.syngen.io.jdbc;

import dev.syngen.core.scenario.ColumnType;
import java.util.Optional;

/**
 * The PostgreSQL types syngen writes: what it declares for each scenario column type, which
 * existing column types it can also fill, and so which binary wire form a column needs.
 */
enum PgType {
  INT2("smallint", "int2"),
  INT4("integer", "int4"),
  INT8("bigint", "int8"),
  FLOAT4("real", "float4"),
  FLOAT8("double precision", "float8"),
  BOOL("boolean", "bool"),
  TIMESTAMPTZ("timestamptz", "timestamptz"),
  /** timestamp without time zone: the same wire form, read as UTC. */
  TIMESTAMP("timestamp", "timestamp"),
  DATE("date", "date"),
  UUID("uuid", "uuid"),
  TEXT("text", "text"),
  VARCHAR("varchar", "varchar"),
  JSON("json", "json"),
  JSONB("jsonb", "jsonb"),
  /** char(n): the same wire form as text. */
  BPCHAR("character", "bpchar"),
  /** Any enum type (the catalogue query names them all "enum"): labels go over as text. */
  ENUM("text", "enum"),
  /** numeric/decimal: whole or real numbers, sent in PostgreSQL's base-10000 form. */
  NUMERIC("numeric", "numeric");

  final String ddl;
  final String typname;

  PgType(String ddl, String typname) {
    this.ddl = ddl;
    this.typname = typname;
  }

  /** The type syngen declares when it creates a column. */
  static PgType declared(ColumnType t) {
    return switch (t) {
      case INT -> INT4;
      case BIGINT -> INT8;
      case FLOAT, DOUBLE -> FLOAT8;
      case STRING, TEXT -> TEXT;
      case BOOL -> BOOL;
      case TIMESTAMP -> TIMESTAMPTZ;
      case DATE -> DATE;
      case UUID -> UUID;
      case JSON -> JSON;
    };
  }

  /** How syngen writes a column of type {@code t} into an existing column; empty if it cannot. */
  static Optional<PgType> existing(ColumnType t, String typname) {
    for (PgType p : values()) {
      if (p.typname.equals(typname) && p.accepts(t)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static boolean isNumber(ColumnType t) {
    return t == ColumnType.INT
        || t == ColumnType.BIGINT
        || t == ColumnType.FLOAT
        || t == ColumnType.DOUBLE;
  }

  private boolean accepts(ColumnType t) {
    return switch (this) {
      case INT2, INT4 -> t == ColumnType.INT;
      case INT8 -> t == ColumnType.INT || t == ColumnType.BIGINT;
      case FLOAT4 -> t == ColumnType.FLOAT;
      case FLOAT8 -> t == ColumnType.FLOAT || t == ColumnType.DOUBLE;
      case BOOL -> t == ColumnType.BOOL;
      case TIMESTAMPTZ, TIMESTAMP -> t == ColumnType.TIMESTAMP;
      case DATE -> t == ColumnType.DATE;
      case UUID -> t == ColumnType.UUID;
      case TEXT, VARCHAR -> t == ColumnType.STRING || t == ColumnType.TEXT || t == ColumnType.JSON;
      case BPCHAR, ENUM -> t == ColumnType.STRING || t == ColumnType.TEXT;
      case JSON, JSONB -> t == ColumnType.JSON;
      case NUMERIC -> t != ColumnType.BOOL && t.kind() != null && isNumber(t);
    };
  }
}
