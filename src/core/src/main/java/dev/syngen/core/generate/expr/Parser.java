package dev.syngen.core.generate.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser. Precedence, loosest first: {@code c ? a : b}; {@code or ||}; {@code and
 * &&}; {@code not !}; comparisons {@code == != < <= > >= in}; {@code + -}; {@code * / %}; unary
 * minus.
 */
final class Parser {
  private static final Set<String> COMPARISONS = Set.of("==", "=", "!=", "<", "<=", ">", ">=");
  private static final int MAX_DEPTH = 64;
  private final List<Token> tokens;
  private int at;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Ast parse(String text) {
    Parser p = new Parser(Lexer.tokens(text));
    if (p.peek().kind() == Token.Kind.END) {
      throw new ExpressionException(0, "is empty");
    }
    Ast e = p.expression();
    Token t = p.peek();
    if (t.kind() != Token.Kind.END) {
      throw new ExpressionException(t.position(), "unexpected '" + t.text() + "'");
    }
    return e;
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    return tokens.get(at++);
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    Token t = peek();
    if (!accept(symbol)) {
      throw new ExpressionException(
          t.position(),
          "expected '"
              + symbol
              + "' but found "
              + (t.kind() == Token.Kind.END ? "the end" : "'" + t.text() + "'"));
    }
  }

  private Ast expression() {
    if (++depth > MAX_DEPTH) {
      throw new ExpressionException(
          peek().position(), "nests deeper than " + MAX_DEPTH + " levels");
    }
    Ast condition = or();
    Ast result = condition;
    if (peek().is("?")) {
      int pos = next().position();
      Ast then = expression();
      expect(":");
      result = new Ast.Conditional(pos, condition, then, expression());
    }
    depth--;
    return result;
  }

  private Ast or() {
    Ast left = and();
    while (peek().is("or") || peek().is("||")) {
      int pos = next().position();
      left = new Ast.Binary(pos, "or", left, and());
    }
    return left;
  }

  private Ast and() {
    Ast left = not();
    while (peek().is("and") || peek().is("&&")) {
      int pos = next().position();
      left = new Ast.Binary(pos, "and", left, not());
    }
    return left;
  }

  private Ast not() {
    if (peek().is("not") || peek().is("!")) {
      int pos = next().position();
      return new Ast.Unary(pos, "not", not());
    }
    return comparison();
  }

  private Ast comparison() {
    Ast left = additive();
    Token t = peek();
    if (t.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(t.text())) {
      next();
      String op = t.text().equals("=") ? "==" : t.text();
      return new Ast.Binary(t.position(), op, left, additive());
    }
    if (t.is("in")) {
      next();
      expect("(");
      List<Ast> options = new ArrayList<>();
      do {
        options.add(expression());
      } while (accept(","));
      expect(")");
      return new Ast.In(t.position(), left, options);
    }
    return left;
  }

  private Ast additive() {
    Ast left = multiplicative();
    while (peek().is("+") || peek().is("-")) {
      Token t = next();
      left = new Ast.Binary(t.position(), t.text(), left, multiplicative());
    }
    return left;
  }

  private Ast multiplicative() {
    Ast left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      Token t = next();
      left = new Ast.Binary(t.position(), t.text(), left, unary());
    }
    return left;
  }

  private Ast unary() {
    if (peek().is("-")) {
      int pos = next().position();
      return new Ast.Unary(pos, "-", unary());
    }
    if (peek().is("+")) {
      next();
      return unary();
    }
    return primary();
  }

  private Ast primary() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return new Ast.Num(t.position(), t.text());
      case STRING:
        return new Ast.Str(t.position(), t.text());
      case NAME:
        return name(t);
      default:
        if (t.is("(")) {
          Ast inner = expression();
          expect(")");
          return inner;
        }
        throw new ExpressionException(
            t.position(),
            t.kind() == Token.Kind.END ? "ends too early" : "unexpected '" + t.text() + "'");
    }
  }

  private Ast name(Token t) {
    if (t.is("true") || t.is("false")) {
      return new Ast.Bool(t.position(), t.is("true"));
    }
    if (accept("(")) {
      List<Ast> args = new ArrayList<>();
      if (!accept(")")) {
        do {
          args.add(expression());
        } while (accept(","));
        expect(")");
      }
      return new Ast.Call(t.position(), t.text(), args);
    }
    if (accept(".")) {
      Token column = next();
      if (column.kind() != Token.Kind.NAME) {
        throw new ExpressionException(column.position(), "expected a column name after '.'");
      }
      return new Ast.Name(t.position(), t.text(), column.text());
    }
    return new Ast.Name(t.position(), null, t.text());
  }
}
