package dev.syngen.core.generate.expr;

import dev.syngen.core.engine.ValueFormat;

/** Entry point: parses and type-checks an expression once, returning its root node. */
public final class Expressions {
  private Expressions() {}

  /** Compiles {@code text}; throws {@link ExpressionException} with a position on any problem. */
  public static Node compile(String text, Scope scope) {
    return new Typer(scope).type(Parser.parse(text));
  }

  /** The text of a node's value, as sinks would write it. */
  static String text(Node n, long row) {
    return switch (n.type()) {
      case STRING -> n.stringAt(row);
      case LONG -> Long.toString(n.longAt(row));
      case DOUBLE -> Double.toString(n.doubleAt(row));
      case BOOL -> n.longAt(row) != 0 ? "true" : "false";
      case TIMESTAMP -> ValueFormat.timestamp(n.longAt(row));
      case DATE -> ValueFormat.date(n.longAt(row));
    };
  }
}
