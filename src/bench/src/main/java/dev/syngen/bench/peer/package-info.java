/**
 * Hand-written peers: the programs a user would write instead of syngen, timed side by side with it
 * as whole processes (docs/benchmarks.md, {@code src/bench/scripts/versus-peer.sh}).
 */
package dev.syngen.bench.peer;
