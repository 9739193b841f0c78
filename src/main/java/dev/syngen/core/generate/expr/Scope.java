package dev.syngen.core.generate.expr;

/** Resolves the column names an expression uses to nodes that read those columns' cells. */
public interface Scope {
  /**
   * The node reading column {@code name} of this row ({@code qualifier} null), of the row's parent
   * ({@code parent}), or of the row an fk column of this row points to (its name as qualifier).
   * Throws {@link ExpressionException} with a message when there is no such column.
   */
  Node column(String qualifier, String name, int position);
}
