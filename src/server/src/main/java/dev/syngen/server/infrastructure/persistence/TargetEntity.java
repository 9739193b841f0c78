package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A target profile as written by its author: {@code dsn} and option values may hold {@code ${VAR}}
 * references, expanded from the environment when the target is used, or literal credentials, which
 * are never shown.
 */
@Entity
@Table(name = "SYNGEN_TARGET")
public class TargetEntity {
  @Id
  @Column(name = "id", length = 64)
  String id;

  @Column(name = "display_name", length = 256)
  String name;

  @Column(name = "target_kind", length = 32, nullable = false)
  String kind;

  @Column(name = "dsn", length = 2048, nullable = false)
  String dsn;

  @Column(name = "schema_name", length = 64)
  String schema;

  @Lob
  @Column(name = "options_json")
  String optionsJson;

  @Column(name = "source_kind", length = 16, nullable = false)
  String source;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  @Version
  @Column(name = "row_version")
  long version;
}
