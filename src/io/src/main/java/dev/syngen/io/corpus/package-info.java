/**
 * Corpora kept as files: the command line's corpus directory and the corpora shipped with
 * scenarios.
 */
package dev.syngen.io.corpus;
