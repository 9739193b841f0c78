package dev.syngen.io.yaml;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Writes document trees as YAML: block style, with lists and maps of plain values on one line. */
public final class YamlWriter {
  private YamlWriter() {}

  public static String write(Object tree) {
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.AUTO)
            .setIndent(2)
            .setWidth(100)
            .build();
    return new Dump(settings).dumpToString(tree);
  }
}
