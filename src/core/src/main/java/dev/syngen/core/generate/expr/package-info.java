/**
 * A small, safe expression language for derived columns: parsed and type-checked once, no script
 * engine.
 */
package dev.syngen.core.generate.expr;
