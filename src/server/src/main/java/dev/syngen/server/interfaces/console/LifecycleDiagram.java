package dev.syngen.server.interfaces.console;

import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Lifecycle;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.text.Html;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws an entity's lifecycle as an SVG state diagram, on the server and without script: states in
 * columns by their distance from the initial state (declaration order within a column), a straight
 * arrow for each transition to a later column, a curve on the right for one within a column, a
 * curve below the boxes for one back and a loop above for a stay, labelled with its probabilities.
 * Terminal states have a double border, deleting ones a dashed one. The SVG has a title and a
 * description; {@link #transitions} is the same diagram as rows of a table, for the page to show
 * beside it.
 */
public final class LifecycleDiagram {
  static final int W = 132;
  static final int H = 40;
  static final int GAP_X = 78;
  static final int GAP_Y = 34;
  static final int LEFT = 34; // room for the initial state's entry dot
  static final int TOP = 34; // room for loops above the boxes
  static final int BOTTOM = 56; // room for back arcs below the boxes

  /** One row of the transition table: probabilities per branch, with the branch's condition. */
  public record Transition(String from, String to, String probability, String when, String dwell) {}

  /** What the scenario page shows for one lifecycle: the diagram and its transitions as a table. */
  public record View(String entity, String svg, List<Transition> transitions) {}

  private LifecycleDiagram() {}

  /** One view per entity that declares a lifecycle, in file order. */
  public static List<View> views(Scenario scenario) {
    List<View> out = new ArrayList<>();
    for (Entity e : scenario.entities()) {
      if (e.lifecycle() != null) {
        out.add(new View(e.name(), svg(e.name(), e.lifecycle()), transitions(e.lifecycle())));
      }
    }
    return out;
  }

  /** The column (distance from the initial state) of each state; unreachable ones go last. */
  static Map<String, Integer> columns(Lifecycle lc) {
    Map<String, Integer> col = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    if (lc.state(lc.initial()) != null) {
      col.put(lc.initial(), 0);
      queue.add(lc.initial());
    }
    while (!queue.isEmpty()) {
      String s = queue.poll();
      for (Lifecycle.Branch b : lc.state(s).next()) {
        for (String t : b.to().keySet()) {
          if (lc.state(t) != null && !col.containsKey(t)) {
            col.put(t, col.get(s) + 1);
            queue.add(t);
          }
        }
      }
    }
    int last = col.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Lifecycle.State s : lc.states()) {
      out.put(s.name(), col.getOrDefault(s.name(), last));
    }
    return out;
  }

  /** The top-left corner of each state's box. */
  static Map<String, int[]> layout(Lifecycle lc) {
    Map<String, Integer> columns = columns(lc);
    Map<Integer, Integer> used = new LinkedHashMap<>();
    Map<String, int[]> at = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : columns.entrySet()) {
      int row = used.merge(e.getValue(), 1, Integer::sum) - 1;
      at.put(e.getKey(), new int[] {LEFT + e.getValue() * (W + GAP_X), TOP + row * (H + GAP_Y)});
    }
    return at;
  }

  /** Every transition as a table row, in declaration order. */
  public static List<Transition> transitions(Lifecycle lc) {
    List<Transition> out = new ArrayList<>();
    for (Lifecycle.State s : lc.states()) {
      for (Lifecycle.Branch b : s.next()) {
        for (Map.Entry<String, Double> t : b.to().entrySet()) {
          out.add(
              new Transition(
                  s.name(),
                  t.getKey(),
                  number(t.getValue()),
                  b.when() == null ? (s.next().size() > 1 ? "otherwise" : "") : b.when(),
                  dwell(s.dwell())));
        }
      }
    }
    return out;
  }

  public static String svg(String entity, Lifecycle lc) {
    Map<String, int[]> at = layout(lc);
    int width = LEFT + 10;
    int height = TOP + BOTTOM;
    for (int[] p : at.values()) {
      width = Math.max(width, p[0] + W + GAP_X); // the gap on the right holds curves in a column
      height = Math.max(height, p[1] + H + BOTTOM);
    }
    String id = "lc-" + entity.replaceAll("[^A-Za-z0-9_-]", "_");
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"lifecycle\" id=\"")
        .append(id)
        .append("\" data-entity=\"")
        .append(Html.escape(entity))
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\"><title id=\"")
        .append(id)
        .append("-title\">Lifecycle of ")
        .append(Html.escape(entity))
        .append("</title><desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(Html.escape(description(lc)))
        .append("</desc><defs><marker id=\"")
        .append(id)
        .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\"")
        .append(" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"")
        .append(" fill=\"#2457c5\"/></marker></defs>");
    int[] first = at.get(lc.initial());
    if (first != null) {
      int y = first[1] + H / 2;
      b.append("<circle class=\"start\" cx=\"10\" cy=\"")
          .append(y)
          .append("\" r=\"6\" fill=\"#1d2330\"/>")
          .append(line(16, y, first[0], y, id, "entry"));
    }
    Map<String, Integer> columns = columns(lc);
    for (Lifecycle.State s : lc.states()) {
      for (Map.Entry<String, List<String>> e : edges(s).entrySet()) {
        if (at.containsKey(e.getKey())) {
          edge(b, id, s.name(), e.getKey(), String.join(" | ", e.getValue()), at, columns);
        }
      }
    }
    for (Lifecycle.State s : lc.states()) {
      box(b, s, at.get(s.name()), s.name().equals(lc.initial()));
    }
    return b.append("</svg>").toString();
  }

  /** Per target state, the probability of each branch that leads there (in branch order). */
  private static Map<String, List<String>> edges(Lifecycle.State s) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Lifecycle.Branch br : s.next()) {
      br.to().forEach((t, p) -> out.computeIfAbsent(t, k -> new ArrayList<>()).add(number(p)));
    }
    return out;
  }

  private static void edge(
      StringBuilder b,
      String id,
      String from,
      String to,
      String label,
      Map<String, int[]> at,
      Map<String, Integer> columns) {
    int[] f = at.get(from);
    int[] t = at.get(to);
    String data =
        " class=\"transition\" data-from=\""
            + Html.escape(from)
            + "\" data-to=\""
            + Html.escape(to);
    String title = "<title>" + Html.escape(from + " → " + to + ": " + label) + "</title>";
    int lx;
    int ly;
    boolean middle = false;
    if (from.equals(to)) {
      int x = f[0] + W / 2;
      b.append("<path")
          .append(data)
          .append("\" d=\"M")
          .append(x - 14)
          .append(',')
          .append(f[1])
          .append(" C")
          .append(x - 24)
          .append(',')
          .append(f[1] - 30)
          .append(' ')
          .append(x + 24)
          .append(',')
          .append(f[1] - 30)
          .append(' ')
          .append(x + 14)
          .append(',')
          .append(f[1])
          .append("\" fill=\"none\" stroke=\"#2457c5\" marker-end=\"url(#")
          .append(id)
          .append("-arrow)\">")
          .append(title)
          .append("</path>");
      lx = x + 26;
      ly = f[1] - 20;
    } else if (columns.get(to) > columns.get(from)) {
      int x1 = f[0] + W;
      int y1 = f[1] + H / 2;
      int x2 = t[0];
      int y2 = t[1] + H / 2;
      b.append("<line")
          .append(data)
          .append("\" x1=\"")
          .append(x1)
          .append("\" y1=\"")
          .append(y1)
          .append("\" x2=\"")
          .append(x2)
          .append("\" y2=\"")
          .append(y2)
          .append("\" stroke=\"#2457c5\" marker-end=\"url(#")
          .append(id)
          .append("-arrow)\">")
          .append(title)
          .append("</line>");
      lx = (x1 + x2) / 2; // the middle of the gap, centred: fan-outs part there
      ly = (y1 + y2) / 2 - 4;
      middle = true;
    } else if (columns.get(to).equals(columns.get(from))) {
      // within a column: a curve through the gap on the right of the boxes
      int x = f[0] + W;
      int y1 = f[1] + H / 2;
      int y2 = t[1] + H / 2;
      int cx = x + 30 + Math.abs(y2 - y1) / 8;
      b.append("<path")
          .append(data)
          .append("\" d=\"M")
          .append(x)
          .append(',')
          .append(y1)
          .append(" Q")
          .append(cx)
          .append(',')
          .append((y1 + y2) / 2)
          .append(' ')
          .append(x)
          .append(',')
          .append(y2)
          .append("\" fill=\"none\" stroke=\"#2457c5\" marker-end=\"url(#")
          .append(id)
          .append("-arrow)\">")
          .append(title)
          .append("</path>");
      lx = x + (cx - x) / 2 + 4;
      ly = (y1 + y2) / 2 + 4;
    } else {
      int x1 = f[0] + W / 2 - 10;
      int y1 = f[1] + H;
      int x2 = t[0] + W / 2 + 10;
      int y2 = t[1] + H;
      int depth = 28 + Math.abs(x1 - x2) / 12;
      int cy = Math.max(y1, y2) + depth;
      b.append("<path")
          .append(data)
          .append("\" d=\"M")
          .append(x1)
          .append(',')
          .append(y1)
          .append(" Q")
          .append((x1 + x2) / 2)
          .append(',')
          .append(cy)
          .append(' ')
          .append(x2)
          .append(',')
          .append(y2)
          .append("\" fill=\"none\" stroke=\"#2457c5\" marker-end=\"url(#")
          .append(id)
          .append("-arrow)\">")
          .append(title)
          .append("</path>");
      lx = (x1 + x2) / 2 - 10;
      ly = (Math.max(y1, y2) + cy) / 2 + 12;
    }
    b.append(text(lx, ly, label, "normal", "11", middle ? "label middle" : "label"));
  }

  private static String line(int x1, int y1, int x2, int y2, String id, String cls) {
    return "<line"
        + (cls == null ? "" : " class=\"" + cls + "\"")
        + " x1=\""
        + x1
        + "\" y1=\""
        + y1
        + "\" x2=\""
        + x2
        + "\" y2=\""
        + y2
        + "\" stroke=\"#2457c5\" marker-end=\"url(#"
        + id
        + "-arrow)\"/>";
  }

  private static void box(StringBuilder b, Lifecycle.State s, int[] p, boolean initial) {
    String kind = s.terminal() ? (s.delete() ? "terminal delete" : "terminal") : "state";
    b.append("<g class=\"")
        .append(kind)
        .append("\" data-state=\"")
        .append(Html.escape(s.name()))
        .append("\"><rect x=\"")
        .append(p[0])
        .append("\" y=\"")
        .append(p[1])
        .append("\" width=\"")
        .append(W)
        .append("\" height=\"")
        .append(H)
        .append("\" rx=\"8\" fill=\"#fff\" stroke=\"#1d2330\"")
        .append(initial ? " stroke-width=\"2\"" : "")
        .append(s.delete() ? " stroke-dasharray=\"5 3\"" : "")
        .append("/>");
    if (s.terminal()) {
      b.append("<rect x=\"")
          .append(p[0] + 3)
          .append("\" y=\"")
          .append(p[1] + 3)
          .append("\" width=\"")
          .append(W - 6)
          .append("\" height=\"")
          .append(H - 6)
          .append("\" rx=\"6\" fill=\"none\" stroke=\"#1d2330\"/>");
    }
    b.append(text(p[0] + 10, p[1] + 25, s.name(), "bold", "13", null)).append("</g>");
  }

  private static String text(int x, int y, String s, String weight, String size, String cls) {
    return "<text"
        + (cls == null ? "" : " class=\"" + cls + "\"")
        + " x=\""
        + x
        + "\" y=\""
        + y
        + (cls != null && cls.endsWith("middle") ? "\" text-anchor=\"middle" : "")
        + "\" font-family=\"sans-serif\" font-size=\""
        + size
        + "\" font-weight=\""
        + weight
        + "\">"
        + Html.escape(s)
        + "</text>";
  }

  /** One sentence a screen reader reads instead of the picture. */
  static String description(Lifecycle lc) {
    List<String> terminal = new ArrayList<>();
    for (Lifecycle.State s : lc.states()) {
      if (s.terminal()) {
        terminal.add(s.name() + (s.delete() ? " (deletes)" : ""));
      }
    }
    return lc.states().size()
        + " states; instances start in "
        + lc.initial()
        + " and end in "
        + (terminal.isEmpty() ? "no terminal state" : String.join(", ", terminal))
        + "; "
        + transitions(lc).size()
        + " transitions, listed in the table beside the diagram.";
  }

  private static String number(double p) {
    return String.format(Locale.ROOT, "%.4f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static String dwell(GeneratorSpec spec) {
    if (spec == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(spec.type());
    if (!spec.params().isEmpty()) {
      b.append(' ').append(spec.params());
    }
    return b.toString();
  }
}
