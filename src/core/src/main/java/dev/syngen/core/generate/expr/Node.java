package dev.syngen.core.generate.expr;

/**
 * A compiled, typed expression node evaluated per row. A node implements the accessor of its type:
 * {@code longAt} for whole numbers, booleans (0/1), timestamps and dates; {@code doubleAt} for
 * numbers (whole numbers widen); {@code stringAt} for text. {@code nullAt} is false unless the node
 * is {@link #nullable()}. Nodes are immutable and shared by worker threads.
 */
public abstract class Node {
  private final Type type;
  private final boolean nullable;

  protected Node(Type type, boolean nullable) {
    this.type = type;
    this.nullable = nullable;
  }

  public final Type type() {
    return type;
  }

  public final boolean nullable() {
    return nullable;
  }

  public long longAt(long row) {
    throw new IllegalStateException(type + " node read as a whole number");
  }

  public double doubleAt(long row) {
    return longAt(row);
  }

  public String stringAt(long row) {
    throw new IllegalStateException(type + " node read as text");
  }

  public boolean nullAt(long row) {
    return false;
  }

  final boolean boolAt(long row) {
    return longAt(row) != 0;
  }

  /** A constant whose value never depends on the row. */
  static Node constant(Type type, long bits, double real, String text) {
    return new Node(type, false) {
      @Override
      public long longAt(long row) {
        return bits;
      }

      @Override
      public double doubleAt(long row) {
        return type == Type.DOUBLE ? real : bits;
      }

      @Override
      public String stringAt(long row) {
        return text;
      }
    };
  }
}
