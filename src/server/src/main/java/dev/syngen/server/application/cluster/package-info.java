/**
 * The members of a cluster (docs/scale-out.md): each dispatcher and executor server's heartbeat in
 * the shared history database, whether each is up and how fast it writes, and the removal of
 * members that are down: after their retention, or by an admin.
 */
package dev.syngen.server.application.cluster;
