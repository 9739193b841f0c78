/** File targets: one CSV or NDJSON file per entity in a directory, encoded in parallel. */
package dev.syngen.io.file;
