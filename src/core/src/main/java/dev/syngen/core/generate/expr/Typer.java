package dev.syngen.core.generate.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns a parsed expression into typed nodes, rejecting operations that do not fit the types. */
final class Typer {
  private final Scope scope;
  private final Functions functions;

  Typer(Scope scope) {
    this.scope = scope;
    this.functions = new Functions(this, scope);
  }

  Node type(Ast ast) {
    if (ast instanceof Ast.Num n) {
      return number(n);
    }
    if (ast instanceof Ast.Str s) {
      return Node.constant(Type.STRING, 0, 0, s.value());
    }
    if (ast instanceof Ast.Bool b) {
      return Node.constant(Type.BOOL, b.value() ? 1 : 0, 0, null);
    }
    if (ast instanceof Ast.Name n) {
      return Objects.requireNonNull(scope.column(n.qualifier(), n.name(), n.position()));
    }
    if (ast instanceof Ast.Call c) {
      return functions.call(c);
    }
    if (ast instanceof Ast.Unary u) {
      return unary(u);
    }
    if (ast instanceof Ast.Binary b) {
      return binary(b);
    }
    if (ast instanceof Ast.Conditional c) {
      Node[] both = branches(c.position(), type(c.then()), type(c.otherwise()));
      return Ops.choose(condition(c.condition()), both[0], both[1]);
    }
    return in((Ast.In) ast);
  }

  private static Node number(Ast.Num n) {
    String t = n.text();
    try {
      if (t.contains(".") || t.contains("e") || t.contains("E")) {
        return Node.constant(Type.DOUBLE, 0, Double.parseDouble(t), null);
      }
      long v = Long.parseLong(t);
      return Node.constant(Type.LONG, v, v, null);
    } catch (NumberFormatException e) {
      throw new ExpressionException(n.position(), "'" + t + "' is not a number that fits 64 bits");
    }
  }

  Node condition(Ast ast) {
    Node c = type(ast);
    if (c.type() != Type.BOOL) {
      throw new ExpressionException(
          ast.position(), "a condition must be true or false, but this is a " + c.type().label());
    }
    return c;
  }

  /** Both branches as one type: equal types, or whole and real numbers as real numbers. */
  Node[] branches(int position, Node a, Node b) {
    if (a.type() == b.type()) {
      return new Node[] {a, b};
    }
    if (a.type().numeric() && b.type().numeric()) {
      return new Node[] {Ops.toDouble(a), Ops.toDouble(b)};
    }
    throw new ExpressionException(
        position,
        "the alternatives have different types: " + a.type().label() + " and " + b.type().label());
  }

  private Node unary(Ast.Unary u) {
    Node x = type(u.operand());
    if (u.op().equals("not")) {
      if (x.type() != Type.BOOL) {
        throw new ExpressionException(
            u.position(), "not needs true or false, not a " + x.type().label());
      }
      return Ops.not(x);
    }
    if (!x.type().numeric()) {
      throw new ExpressionException(u.position(), "cannot negate a " + x.type().label());
    }
    return Ops.negate(x);
  }

  private Node binary(Ast.Binary b) {
    Node l = type(b.left());
    Node r = type(b.right());
    return switch (b.op()) {
      case "and", "or" -> {
        if (l.type() != Type.BOOL || r.type() != Type.BOOL) {
          throw new ExpressionException(
              b.position(), b.op() + " needs true or false on both sides");
        }
        yield Ops.logic(b.op().equals("and"), l, r);
      }
      case "==", "!=", "<", "<=", ">", ">=" -> compare(b, l, r);
      case "+" -> plus(b, l, r);
      case "-" -> minus(b, l, r);
      case "*", "/" -> {
        numeric(b, l, r);
        yield Ops.arithmetic(b.op().charAt(0), l, r);
      }
      case "%" -> remainder(b, l, r);
      default -> throw new ExpressionException(b.position(), "unknown operator " + b.op());
    };
  }

  private static void numeric(Ast.Binary b, Node l, Node r) {
    if (!l.type().numeric() || !r.type().numeric()) {
      throw new ExpressionException(
          b.position(),
          "'" + b.op() + "' needs numbers, not " + l.type().label() + " and " + r.type().label());
    }
  }

  private Node plus(Ast.Binary b, Node l, Node r) {
    if (l.type() == Type.STRING || r.type() == Type.STRING) {
      return Ops.concat(List.of(l, r));
    }
    if ((l.type() == Type.TIMESTAMP || l.type() == Type.DATE) && r.type().numeric()) {
      return Ops.shift(l, r, 1);
    }
    if (l.type().numeric() && (r.type() == Type.TIMESTAMP || r.type() == Type.DATE)) {
      return Ops.shift(r, l, 1);
    }
    numeric(b, l, r);
    return Ops.arithmetic('+', l, r);
  }

  private Node minus(Ast.Binary b, Node l, Node r) {
    if ((l.type() == Type.TIMESTAMP || l.type() == Type.DATE) && r.type() == l.type()) {
      return Ops.arithmetic('-', Ops.asWhole(l), Ops.asWhole(r));
    }
    if ((l.type() == Type.TIMESTAMP || l.type() == Type.DATE) && r.type().numeric()) {
      return Ops.shift(l, r, -1);
    }
    numeric(b, l, r);
    return Ops.arithmetic('-', l, r);
  }

  private Node remainder(Ast.Binary b, Node l, Node r) {
    numeric(b, l, r);
    if (l.type() == Type.LONG && r.type() == Type.LONG) {
      if (!(b.right() instanceof Ast.Num n) || Long.parseLong(n.text()) == 0) {
        throw new ExpressionException(
            b.position(), "whole-number % needs a non-zero number literal on the right");
      }
    }
    return Ops.arithmetic('%', l, r);
  }

  private Node compare(Ast.Binary b, Node l, Node r) {
    boolean ordered = !b.op().equals("==") && !b.op().equals("!=");
    if (l.type().numeric() && r.type().numeric()) {
      return Ops.compare(b.op(), l, r);
    }
    if (l.type() != r.type()) {
      throw new ExpressionException(
          b.position(), "cannot compare a " + l.type().label() + " with a " + r.type().label());
    }
    if (ordered && l.type() == Type.BOOL) {
      throw new ExpressionException(b.position(), "true/false values have no order; use == or !=");
    }
    return Ops.compare(b.op(), l, r);
  }

  private Node in(Ast.In in) {
    Node value = type(in.value());
    List<Node> tests = new ArrayList<>();
    for (Ast option : in.options()) {
      Node o = type(option);
      tests.add(compare(new Ast.Binary(option.position(), "==", in.value(), option), value, o));
    }
    Node any = tests.get(0);
    for (int i = 1; i < tests.size(); i++) {
      any = Ops.logic(false, any, tests.get(i));
    }
    return any;
  }
}
