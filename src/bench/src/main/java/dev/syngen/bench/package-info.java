/**
 * Benchmark commands and the hand-written peers they compare against, run from syngen-bench.jar;
 * never shipped in the command line or the server.
 */
package dev.syngen.bench;
