/** Built-in generators: one small class each, parameters bound once, values pure per cell. */
package dev.syngen.core.generate.builtin;
