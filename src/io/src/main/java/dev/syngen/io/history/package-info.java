/** The command line's run history: one JSON file per run in a directory. */
package dev.syngen.io.history;
