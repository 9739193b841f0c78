package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points validation problems at lines of a YAML document. A path such as {@code
 * entities[1].columns[2].generator} is followed through the document's list items, and a step that
 * names an item instead ({@code entities.orders.columns.total.generator}) finds the item whose
 * {@code name} it is; a problem whose place cannot be found is shown at line 1.
 */
public final class ProblemLines {
  private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)])?");

  private ProblemLines() {}

  public static List<YamlLine> annotate(String document, List<Problem> problems) {
    String[] lines = document.split("\n", -1);
    Map<Integer, String> at = new HashMap<>();
    for (Problem p : problems) {
      int line = lineOf(lines, p.path());
      at.merge(line, p.message() + " — " + p.fix(), (a, b) -> a + "; " + b);
    }
    List<YamlLine> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      out.add(new YamlLine(i + 1, lines[i], at.get(i + 1)));
    }
    return out;
  }

  /** The 1-based line where {@code path} is written, as far as it can be followed. */
  static int lineOf(String[] lines, String path) {
    if (path == null || path.isBlank()) {
      return 1;
    }
    int from = 0;
    int indent = -1;
    int found = 0;
    for (String step : path.split("\\.")) {
      Matcher m = STEP.matcher(step);
      if (!m.matches()) {
        break;
      }
      int keyLine = findKey(lines, from, indent, m.group(1));
      if (keyLine < 0 && m.group(2) == null && indent >= 0) {
        keyLine = findNamed(lines, from, indent, m.group(1));
      }
      if (keyLine < 0) {
        break;
      }
      found = keyLine;
      indent = indentOf(lines[keyLine]);
      from = keyLine + 1;
      if (m.group(2) != null) {
        int item = findItem(lines, from, indent, Integer.parseInt(m.group(2)));
        if (item < 0) {
          break;
        }
        found = item;
        indent = indentOf(lines[item]);
        from = item;
      }
    }
    return found + 1;
  }

  private static int findKey(String[] lines, int from, int parentIndent, String key) {
    for (int i = from; i < lines.length; i++) {
      String t = lines[i].stripLeading();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int ind = indentOf(lines[i]);
      if (ind <= parentIndent && i > from && !t.startsWith("- ")) {
        return -1;
      }
      String body = t.startsWith("- ") ? t.substring(2).stripLeading() : t;
      if (body.startsWith(key + ":")) {
        return i;
      }
    }
    return -1;
  }

  /** The list item under the key at {@code keyIndent} whose {@code name} is {@code name}. */
  private static int findNamed(String[] lines, int from, int keyIndent, String name) {
    Pattern item =
        Pattern.compile("-\\s+name:\\s*[\"']?" + Pattern.quote(name) + "[\"']?\\s*(#.*)?");
    for (int i = from; i < lines.length; i++) {
      String t = lines[i].stripLeading();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int ind = indentOf(lines[i]);
      if (ind < keyIndent || (ind == keyIndent && !t.startsWith("- "))) {
        return -1;
      }
      if (item.matcher(t).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static int findItem(String[] lines, int from, int keyIndent, int index) {
    int seen = -1;
    int itemIndent = -1;
    for (int i = from; i < lines.length; i++) {
      String t = lines[i].stripLeading();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int ind = indentOf(lines[i]);
      if (ind < keyIndent || (ind == keyIndent && !t.startsWith("- "))) {
        return -1;
      }
      if (t.startsWith("- ") && (itemIndent < 0 || ind == itemIndent)) {
        itemIndent = ind;
        seen++;
        if (seen == index) {
          return i;
        }
      }
    }
    return -1;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
