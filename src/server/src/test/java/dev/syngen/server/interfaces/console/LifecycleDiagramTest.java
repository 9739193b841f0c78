package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Lifecycle;
import dev.syngen.core.scenario.Lifecycle.Branch;
import dev.syngen.core.scenario.Lifecycle.State;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The state diagram: columns by distance, one arrow per transition, accessible and well-formed. */
class LifecycleDiagramTest {
  private static final GeneratorSpec DWELL = new GeneratorSpec("exponential", Map.of("mean", 2));

  private static Map<String, Double> to(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Double) pairs[i + 1]);
    }
    return m;
  }

  /**
   * created → paid | cancelled; paid → shipped | refunded (conditional) | paid again; retry back.
   */
  private static final Lifecycle ORDERS =
      new Lifecycle(
          "order_id",
          "created_at",
          "created",
          3_600_000,
          true,
          null,
          1000,
          List.of("events"),
          List.of(
              new State(
                  "created",
                  DWELL,
                  List.of(new Branch(null, to("paid", 0.8, "cancelled", 0.2))),
                  Map.of(),
                  false),
              new State(
                  "paid",
                  DWELL,
                  List.of(
                      new Branch("amount > 500", to("shipped", 0.7, "refunded", 0.3)),
                      new Branch(null, to("shipped", 0.9, "paid", 0.05, "created", 0.05))),
                  Map.of(),
                  false),
              new State(
                  "shipped",
                  DWELL,
                  List.of(new Branch(null, to("delivered", 1.0))),
                  Map.of(),
                  false),
              new State("delivered", null, List.of(), Map.of(), false),
              new State("refunded", null, List.of(), Map.of(), false),
              new State("cancelled", null, List.of(), Map.of(), true)));

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  @Test
  void statesSitInColumnsByTheirDistanceFromTheInitialState() {
    Map<String, Integer> c = LifecycleDiagram.columns(ORDERS);
    assertEquals(
        Map.of(
            "created", 0, "paid", 1, "cancelled", 1, "shipped", 2, "refunded", 2, "delivered", 3),
        c);
    Map<String, int[]> at = LifecycleDiagram.layout(ORDERS);
    assertEquals(at.get("paid")[0], at.get("cancelled")[0], "same column, same x");
    assertTrue(at.get("cancelled")[1] > at.get("paid")[1], "declaration order within a column");
    assertTrue(at.get("delivered")[0] > at.get("shipped")[0]);
  }

  @Test
  void theSvgIsWellFormedWithTitleDescAndOneArrowPerTransition() throws Exception {
    Document d = parse(LifecycleDiagram.svg("orders", ORDERS));
    Element svg = d.getDocumentElement();
    assertEquals("img", svg.getAttribute("role"));
    assertEquals("lc-orders-title lc-orders-desc", svg.getAttribute("aria-labelledby"));
    assertEquals(
        "Lifecycle of orders",
        d.getElementById("lc-orders-title") == null
            ? text(svg, "title")
            : d.getElementById("lc-orders-title").getTextContent());
    String desc = text(svg, "desc");
    assertTrue(desc.contains("start in created"), desc);
    assertTrue(desc.contains("cancelled (deletes)"), desc);
    List<String> edges = new java.util.ArrayList<>();
    NodeList all = svg.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if ("transition".equals(e.getAttribute("class"))) {
        edges.add(
            e.getAttribute("data-from") + ">" + e.getAttribute("data-to") + ":" + e.getTagName());
      }
    }
    assertEquals(
        List.of(
            "created>paid:line",
            "created>cancelled:line",
            "paid>shipped:line",
            "paid>refunded:line",
            "paid>paid:path",
            "paid>created:path",
            "shipped>delivered:line"),
        edges,
        "forward arrows are lines; a loop and a way back are curves");
    assertTrue(
        LifecycleDiagram.svg("orders", ORDERS).contains(">0.7 | 0.9</text>"),
        "a target two branches lead to shows both probabilities");
    NodeList groups = svg.getElementsByTagName("g");
    int terminal = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      terminal += ((Element) groups.item(i)).getAttribute("class").startsWith("terminal") ? 1 : 0;
    }
    assertEquals(6, groups.getLength(), "one box per state");
    assertEquals(3, terminal, "delivered, refunded and cancelled are terminal");
  }

  @Test
  void theTransitionTableListsEveryBranchWithItsCondition() {
    List<LifecycleDiagram.Transition> t = LifecycleDiagram.transitions(ORDERS);
    assertEquals(8, t.size());
    assertEquals(
        new LifecycleDiagram.Transition(
            "paid", "refunded", "0.3", "amount > 500", "exponential {mean=2}"),
        t.get(3));
    assertEquals("otherwise", t.get(4).when());
    assertEquals("", t.get(0).when(), "a single branch needs no condition");
    assertEquals("0.05", t.get(5).probability());
  }

  @Test
  void aTransitionWithinAColumnCurvesThroughTheGapOnTheRight() throws Exception {
    // active -> muted | archived; muted -> archived: both in column 1
    Lifecycle chat =
        new Lifecycle(
            "k",
            "t",
            "active",
            1,
            true,
            null,
            10,
            List.of("events"),
            List.of(
                new State(
                    "active",
                    DWELL,
                    List.of(new Branch(null, to("muted", 0.3, "archived", 0.7))),
                    Map.of(),
                    false),
                new State(
                    "muted",
                    DWELL,
                    List.of(new Branch(null, to("archived", 1.0))),
                    Map.of(),
                    false),
                new State("archived", null, List.of(), Map.of(), false)));
    Document d = parse(LifecycleDiagram.svg("conversations", chat));
    NodeList paths = d.getElementsByTagName("path");
    Element within = null;
    for (int i = 0; i < paths.getLength(); i++) {
      Element p = (Element) paths.item(i);
      if ("muted".equals(p.getAttribute("data-from"))) {
        within = p;
      }
    }
    int right = LifecycleDiagram.layout(chat).get("muted")[0] + LifecycleDiagram.W;
    assertTrue(within != null, "muted -> archived is a curve");
    assertTrue(within.getAttribute("d").startsWith("M" + right + ","), within.getAttribute("d"));
    int width = Integer.parseInt(d.getDocumentElement().getAttribute("width"));
    assertTrue(width >= right + 40, "the curve stays inside the picture: " + width);
  }

  @Test
  void namesAreEscaped() throws Exception {
    Lifecycle odd =
        new Lifecycle(
            "k",
            "t",
            "a<b",
            1,
            true,
            null,
            10,
            List.of("events"),
            List.of(
                new State("a<b", DWELL, List.of(new Branch(null, to("x&y", 1.0))), Map.of(), false),
                new State("x&y", null, List.of(), Map.of(), false)));
    String svg = LifecycleDiagram.svg("o\"rders", odd);
    assertFalse(svg.contains("a<b"));
    Document d = parse(svg);
    assertTrue(text(d.getDocumentElement(), "desc").contains("start in a<b"));
    assertTrue(d.getDocumentElement().getAttribute("id").matches("[A-Za-z0-9_-]+"));
  }

  private static String text(Element root, String tag) {
    return root.getElementsByTagName(tag).item(0).getTextContent();
  }
}
