package dev.syngen.server.interfaces.view;

import dev.syngen.core.generate.GeneratorFactory;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generator of the catalogue ({@code GET /generators}): its scenario name, what it produces and
 * the names of its parameters, read from the parameter list of its summary ({@code params: start
 * (default 1), step (default 1, not 0)}).
 */
@JsonbPropertyOrder({"name", "summary", "params"})
public record GeneratorView(String name, String summary, List<String> params) {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Set<String> WORDS = Set.of("and", "or", "optional", "default", "e", "g");

  public GeneratorView {
    params = List.copyOf(params);
  }

  public static GeneratorView of(GeneratorFactory f) {
    return new GeneratorView(f.name(), f.summary(), params(f.summary()));
  }

  /**
   * The parameter names of a summary: after {@code params:} (or, for derived-entity generators,
   * after the first {@code :}), each comma-separated part outside brackets, parentheses and quotes
   * names one or more parameters joined by {@code +}, {@code or} or {@code and/or}.
   */
  static List<String> params(String summary) {
    int at = summary.indexOf("params:");
    String list;
    if (at >= 0) {
      list = summary.substring(at + "params:".length());
    } else if (summary.indexOf(':') >= 0) {
      list = summary.substring(summary.indexOf(':') + 1);
    } else {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : topLevel(list)) {
      Matcher m = NAME.matcher(part);
      while (m.find()) {
        String word = m.group();
        if (!WORDS.contains(word)) {
          out.add(word);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The text outside brackets, parentheses and quotes, split at commas and semicolons. */
  private static List<String> topLevel(String list) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (char c : list.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
        depth = Math.max(0, depth - 1);
      } else if (!quoted && depth == 0 && c == ';') {
        break;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else if (!quoted && depth == 0) {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }
}
