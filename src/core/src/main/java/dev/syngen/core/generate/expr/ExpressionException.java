package dev.syngen.core.generate.expr;

/** An expression that cannot be parsed or typed, with the character position of the problem. */
public final class ExpressionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int position;

  public ExpressionException(int position, String message) {
    super(message);
    this.position = position;
  }

  public int position() {
    return position;
  }
}
