package dev.syngen.server.interfaces.console;

import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.text.Html;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a scenario's entities and foreign keys as SVG: one box per entity (name, table, rows) in
 * file order, and an arrow from each entity to every entity its fk columns reference.
 */
public final class ScenarioDiagram {
  static final int W = 200;
  static final int H = 64;
  static final int GAP_X = 60;
  static final int GAP_Y = 50;
  static final int PER_ROW = 4;

  private ScenarioDiagram() {}

  public static String svg(Scenario s) {
    List<Entity> entities = s.entities();
    Map<String, int[]> at = new HashMap<>();
    for (int i = 0; i < entities.size(); i++) {
      int x = 10 + (i % PER_ROW) * (W + GAP_X);
      int y = 10 + (i / PER_ROW) * (H + GAP_Y);
      at.put(entities.get(i).name(), new int[] {x, y});
    }
    int rows = (entities.size() + PER_ROW - 1) / PER_ROW;
    int width = 20 + Math.min(entities.size(), PER_ROW) * (W + GAP_X);
    int height = 20 + Math.max(1, rows) * (H + GAP_Y);
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" id=\"diagram\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\"><title>Entities of ")
        .append(Html.escape(s.id()))
        .append(" and their foreign keys</title>")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#2457c5\"/></marker></defs>");
    for (Entity e : entities) {
      for (Column c : e.columns()) {
        String ref = reference(c);
        if (ref != null && at.containsKey(ref)) {
          int[] from = at.get(e.name());
          int[] to = at.get(ref);
          b.append("<line class=\"fk\" data-from=\"")
              .append(Html.escape(e.name()))
              .append("\" data-to=\"")
              .append(Html.escape(ref))
              .append("\" x1=\"")
              .append(from[0] + W / 2)
              .append("\" y1=\"")
              .append(from[1])
              .append("\" x2=\"")
              .append(to[0] + W / 2)
              .append("\" y2=\"")
              .append(to[1] + H)
              .append("\" stroke=\"#2457c5\" marker-end=\"url(#arrow)\"><title>")
              .append(Html.escape(e.name() + "." + c.name() + " → " + ref))
              .append("</title></line>");
        }
      }
    }
    for (Entity e : entities) {
      int[] p = at.get(e.name());
      b.append("<g class=\"entity\" data-entity=\"")
          .append(Html.escape(e.name()))
          .append("\"><rect x=\"")
          .append(p[0])
          .append("\" y=\"")
          .append(p[1])
          .append("\" width=\"")
          .append(W)
          .append("\" height=\"")
          .append(H)
          .append("\" rx=\"6\" fill=\"#fff\" stroke=\"#1d2330\"/>")
          .append(text(p[0] + 10, p[1] + 22, e.name(), "bold"))
          .append(
              text(p[0] + 10, p[1] + 42, e.targetTable() + " · " + e.rows() + " rows", "normal"))
          .append("</g>");
    }
    return b.append("</svg>").toString();
  }

  /** The entity an fk column points at, or null. */
  static String reference(Column c) {
    if (c.generator() == null || !"fk".equals(c.generator().type())) {
      return null;
    }
    Object e = c.generator().params().get("entity");
    return e == null ? null : e.toString();
  }

  private static String text(int x, int y, String s, String weight) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\" font-family=\"sans-serif\" font-size=\"13\" font-weight=\""
        + weight
        + "\">"
        + Html.escape(s)
        + "</text>";
  }
}
