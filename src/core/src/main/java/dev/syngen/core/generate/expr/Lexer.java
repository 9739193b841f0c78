package dev.syngen.core.generate.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits an expression into numbers, quoted strings, names and operator symbols. */
final class Lexer {
  private static final Set<String> TWO_CHAR = Set.of("<=", ">=", "==", "!=", "&&", "||");
  private static final String ONE_CHAR = "+-*/%()<>,.?:!=";
  static final int MAX_LENGTH = 4000;

  private Lexer() {}

  static List<Token> tokens(String s) {
    if (s.length() > MAX_LENGTH) {
      throw new ExpressionException(0, "is longer than " + MAX_LENGTH + " characters");
    }
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        if (i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
          i++;
          while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
          }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
          int e = i + 1;
          if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
            e++;
          }
          if (e < s.length() && Character.isDigit(s.charAt(e))) {
            i = e;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
              i++;
            }
          }
        }
        out.add(new Token(Token.Kind.NUMBER, s.substring(start, i).replace("_", ""), start));
      } else if (c == '\'' || c == '"') {
        int start = i++;
        StringBuilder sb = new StringBuilder();
        while (true) {
          if (i >= s.length()) {
            throw new ExpressionException(start, "text starting here is never closed with " + c);
          }
          char d = s.charAt(i++);
          if (d == c && i < s.length() && s.charAt(i) == c) {
            sb.append(c); // a doubled quote stands for itself
            i++;
          } else if (d == c) {
            break;
          } else {
            sb.append(d);
          }
        }
        out.add(new Token(Token.Kind.STRING, sb.toString(), start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Token.Kind.NAME, s.substring(start, i), start));
      } else if (i + 1 < s.length() && TWO_CHAR.contains(s.substring(i, i + 2))) {
        out.add(new Token(Token.Kind.SYMBOL, s.substring(i, i + 2), i));
        i += 2;
      } else if (ONE_CHAR.indexOf(c) >= 0) {
        out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i));
        i++;
      } else {
        throw new ExpressionException(i, "unexpected character '" + c + "'");
      }
    }
    out.add(new Token(Token.Kind.END, "", s.length()));
    return out;
  }
}
