/** Structured logging: run lines with run id, entity and trace id as fields of JSON log records. */
package dev.syngen.server.infrastructure.logging;
