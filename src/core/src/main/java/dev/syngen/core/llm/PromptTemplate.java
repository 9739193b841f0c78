package dev.syngen.core.llm;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.scenario.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A prompt with placeholders, {@code {expr}} or {@code {{expr}}}, each an expression over the row
 * (a column, {@code parent.column}, {@code fk_column.column}, or any expression), rendered as text
 * per row. {@code \{} and {@code \}} are literal braces.
 */
final class PromptTemplate {
  static final int MAX_PLACEHOLDERS = 32;

  private final List<String> literals; // one more than placeholders
  private final List<Generator> values;
  private final long key;

  private PromptTemplate(List<String> literals, List<Generator> values, long key) {
    this.literals = literals;
    this.values = values;
    this.key = key;
  }

  /**
   * Parses and binds {@code text}; records problems under {@code param} and returns null on any.
   */
  static PromptTemplate bind(String text, String param, GeneratorContext ctx) {
    List<String> literals = new ArrayList<>();
    List<String> exprs = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\'
          && i + 1 < text.length()
          && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '}')) {
        lit.append(text.charAt(i + 1));
        i += 2;
      } else if (c == '{') {
        boolean dbl = text.startsWith("{{", i);
        String close = dbl ? "}}" : "}";
        int end = text.indexOf(close, i + close.length());
        String expr = end < 0 ? "" : text.substring(i + close.length(), end).trim();
        if (end < 0 || expr.isEmpty() || expr.contains("{")) {
          ctx.params()
              .problem(
                  param,
                  "has an unclosed or empty placeholder at character " + (i + 1),
                  "write {column} or {{column}}; write \\{ for a literal brace");
          return null;
        }
        literals.add(lit.toString());
        lit.setLength(0);
        exprs.add(expr);
        i = end + close.length();
      } else if (c == '}') {
        ctx.params()
            .problem(
                param,
                "has a '}' without '{' at character " + (i + 1),
                "write \\} for a literal brace");
        return null;
      } else {
        lit.append(c);
        i++;
      }
    }
    literals.add(lit.toString());
    if (exprs.size() > MAX_PLACEHOLDERS) {
      ctx.params()
          .problem(
              param,
              "has " + exprs.size() + " placeholders; at most " + MAX_PLACEHOLDERS + " are allowed",
              "refer to fewer columns");
      return null;
    }
    List<Generator> values = new ArrayList<>();
    for (String e : exprs) {
      Generator g =
          ctx.nested(
              param,
              Map.of("type", "expression", "params", Map.of("expr", e)),
              ColumnType.TEXT,
              ctx.key());
      if (g == null) {
        return null;
      }
      values.add(g);
    }
    return new PromptTemplate(List.copyOf(literals), List.copyOf(values), ctx.key());
  }

  /** Whether the prompt reads the row (else every row renders the same text). */
  boolean constant() {
    return values.isEmpty();
  }

  String render(long row) {
    StringBuilder sb = new StringBuilder(literals.get(0));
    for (int i = 0; i < values.size(); i++) {
      sb.append(values.get(i).stringAt(key, row)).append(literals.get(i + 1));
    }
    return sb.toString();
  }
}
