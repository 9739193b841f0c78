package dev.syngen.server.infrastructure.persistence;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A ready corpus: the file as uploaded (read again, and checked again, when a server first needs
 * its values), how it is read, its content hash and counts. Its lifecycle is in the audit log.
 */
@Entity
@Table(name = "SYNGEN_CORPUS")
public class CorpusEntity {
  @Id
  @Column(name = "name", length = 64)
  String name;

  @Column(name = "status", length = 16, nullable = false)
  String status;

  @Column(name = "sha256", length = 64, nullable = false)
  String sha256;

  @Column(name = "file_format", length = 8, nullable = false)
  String format;

  @Column(name = "value_column", length = 256)
  String valueColumn;

  @Column(name = "weights_column", length = 256)
  String weightsColumn;

  @Column(name = "allow_personal_data", nullable = false)
  int allowPersonalData;

  @Column(name = "value_count", nullable = false)
  int valueCount;

  @Column(name = "distinct_count", nullable = false)
  int distinctCount;

  @Column(name = "byte_count", nullable = false)
  long byteCount;

  @Column(name = "file_name", length = 256)
  String fileName;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content")
  byte[] content;

  @Column(name = "created_at")
  Long createdAt;

  @Column(name = "created_by", length = 128)
  String createdBy;
}
