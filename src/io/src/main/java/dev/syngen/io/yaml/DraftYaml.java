package dev.syngen.io.yaml;

import dev.syngen.core.schema.Draft;
import dev.syngen.core.schema.Draft.DraftColumn;
import dev.syngen.core.schema.Draft.DraftEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a drafted scenario as YAML with a comment above each entity and column saying why. The
 * top-level keys of the document, of each entity and of each column are written in block style (so
 * comments can sit between them); their values as {@link YamlWriter} writes them.
 */
public final class DraftYaml {
  private static final Dump SCALAR =
      new Dump(
          DumpSettings.builder()
              .setDefaultFlowStyle(FlowStyle.FLOW)
              .setWidth(Integer.MAX_VALUE)
              .setSplitLines(false)
              .build());

  private DraftYaml() {}

  public static String write(Draft d) {
    StringBuilder out = new StringBuilder();
    d.header().forEach(h -> comment(out, "", h));
    block(d.head()).forEach(l -> out.append(l).append('\n'));
    out.append("entities:\n");
    for (DraftEntity e : d.entities()) {
      comment(out, "  ", e.comment());
      item(out, "  ", e.fields());
      out.append("    columns:\n");
      for (DraftColumn c : e.columns()) {
        comment(out, "      ", c.why());
        item(out, "      ", c.column());
      }
    }
    if (!d.expectations().isEmpty()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("expectations", d.expectations());
      out.append(YamlWriter.write(x));
    }
    return out.toString();
  }

  /** One line per key: scalars inline, collections as YamlWriter writes them. */
  private static List<String> block(Map<String, Object> map) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(e.getKey(), e.getValue());
        lines.addAll(List.of(YamlWriter.write(one).split("\n")));
      } else {
        lines.add(e.getKey() + ": " + scalar(e.getValue()));
      }
    }
    return lines;
  }

  /** A scalar as YAML on one line, quoted where needed. */
  static String scalar(Object value) {
    String s = SCALAR.dumpToString(List.of(value)).trim();
    return s.substring(1, s.length() - 1);
  }

  private static void item(StringBuilder out, String indent, Map<String, Object> map) {
    boolean first = true;
    for (String line : block(map)) {
      out.append(indent).append(first ? "- " : "  ").append(line).append('\n');
      first = false;
    }
  }

  private static void comment(StringBuilder out, String indent, String text) {
    out.append(indent).append("# ").append(text.replaceAll("[\\r\\n]+", " ")).append('\n');
  }
}
