/** JPA entities and repositories for run history, run logs, the audit log and targets. */
package dev.syngen.server.infrastructure.persistence;
