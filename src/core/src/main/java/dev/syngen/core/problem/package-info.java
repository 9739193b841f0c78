/**
 * Bad input, reported the one way every front end uses: a {@link dev.syngen.core.problem.Problem}
 * names the field's path, what is wrong and how to fix it; {@link dev.syngen.core.problem.Problems}
 * collects them so that all are reported together; {@link dev.syngen.core.problem.TreeReader} reads
 * typed values out of a parsed tree (JSON, YAML, form fields, command-line options) into them.
 */
package dev.syngen.core.problem;
