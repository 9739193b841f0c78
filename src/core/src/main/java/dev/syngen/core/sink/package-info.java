/** The sink port the engine writes through, target profiles, table modes and redaction. */
package dev.syngen.core.sink;
