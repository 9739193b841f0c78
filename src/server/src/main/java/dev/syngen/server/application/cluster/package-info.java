/**
 * The members of a cluster (docs/scale-out.md): each dispatcher and executor server's heartbeat in
 * the shared history database, and whether each is up and how fast it writes.
 */
package dev.syngen.server.application.cluster;
