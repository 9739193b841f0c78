/** The generator port, its typed parameters, the registry and the built-in generators. */
package dev.syngen.core.generate;
