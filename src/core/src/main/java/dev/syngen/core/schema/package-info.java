/**
 * An existing database schema as its catalogue describes it (tables, keys, constraints), its
 * aggregate-only profile, and the scenario drafted from both to fill an empty copy.
 */
package dev.syngen.core.schema;
