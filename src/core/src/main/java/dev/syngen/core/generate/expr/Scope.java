package dev.syngen.core.generate.expr;

/** Resolves what an expression reads: column names, row positions, the column's randomness. */
public interface Scope {
  /**
   * The node reading column {@code name} of this row ({@code qualifier} null), of the row's parent
   * ({@code parent}), or of the row an fk column of this row points to (its name as qualifier).
   * Throws {@link ExpressionException} with a message when there is no such column.
   */
  Node column(String qualifier, String name, int position);

  /** The stream key of the expression's own column, from which its random functions draw. */
  long key();

  /**
   * A node for a positional function of the row: {@code rank_in_parent()} (0-based) or {@code
   * children_in_parent()}; throws {@link ExpressionException} where it does not apply.
   */
  Node position(String function, int position);
}
