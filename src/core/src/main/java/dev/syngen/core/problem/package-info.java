/**
 * Bad input, reported the one way every front end uses: a {@link dev.syngen.core.problem.Problem}
 * names the field's path, what is wrong and how to fix it, and {@link
 * dev.syngen.core.problem.Problems} collects them so that all are reported together.
 */
package dev.syngen.core.problem;
