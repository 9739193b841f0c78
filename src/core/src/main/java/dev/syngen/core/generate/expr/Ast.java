package dev.syngen.core.generate.expr;

import java.util.List;

/** The parsed, untyped form of an expression; every node keeps its position for messages. */
sealed interface Ast {
  int position();

  record Num(int position, String text) implements Ast {}

  record Str(int position, String value) implements Ast {}

  record Bool(int position, boolean value) implements Ast {}

  /** A column name; {@code qualifier} is null, {@code parent}, or an fk column of the row. */
  record Name(int position, String qualifier, String name) implements Ast {}

  record Call(int position, String function, List<Ast> args) implements Ast {}

  record Unary(int position, String op, Ast operand) implements Ast {}

  record Binary(int position, String op, Ast left, Ast right) implements Ast {}

  record Conditional(int position, Ast condition, Ast then, Ast otherwise) implements Ast {}

  record In(int position, Ast value, List<Ast> options) implements Ast {}
}
