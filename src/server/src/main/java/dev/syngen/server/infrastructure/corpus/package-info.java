/**
 * The server's corpora for runs: read from the history database, cached in memory by content hash.
 */
package dev.syngen.server.infrastructure.corpus;
