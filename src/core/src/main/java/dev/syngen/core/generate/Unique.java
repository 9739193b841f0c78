package dev.syngen.core.generate;

/**
 * A generator that can promise its values never repeat within an entity: by construction (a
 * sequence), by a bijective permutation of row indexes (when the column is declared unique), or
 * with negligible collision odds (random UUIDs).
 */
public interface Unique {
  /** True when no two rows of the entity get the same value. */
  boolean distinct();
}
