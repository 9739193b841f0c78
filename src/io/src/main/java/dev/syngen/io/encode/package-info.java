/** Byte-level encodings shared by file and message targets: JSON records, cell text, buffers. */
package dev.syngen.io.encode;
