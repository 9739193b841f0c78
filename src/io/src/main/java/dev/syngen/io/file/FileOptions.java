package dev.syngen.io.file;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TargetProfile;
import java.util.Map;

/**
 * A file target's options: {@code rotate_size_mb} (start a new file when the next record would pass
 * this size; the full one is renamed with a UTC timestamp) and {@code audit_every} (a
 * human-readable line in {@code <table>.audit.log} every N records). Zero turns either off.
 */
record FileOptions(long rotateBytes, long auditEvery) {
  static final FileOptions NONE = new FileOptions(0, 0);

  static FileOptions read(TargetProfile p, Problems problems) {
    long rotate = 0;
    long audit = 0;
    for (Map.Entry<String, String> o : p.options().entrySet()) {
      String path = "options." + o.getKey();
      String v = o.getValue() == null ? "" : o.getValue().trim();
      switch (o.getKey()) {
        case "rotate_size_mb" -> {
          try {
            double mb = Double.parseDouble(v);
            if (!(mb > 0) || mb > 1_000_000) {
              throw new NumberFormatException();
            }
            rotate = Math.max(1, Math.round(mb * 1_000_000));
          } catch (NumberFormatException e) {
            problems.add(
                path, "'" + v + "' is not a size in MB", "write a positive number, e.g. 256");
          }
        }
        case "audit_every" -> {
          try {
            audit = Long.parseLong(v.replace("_", ""));
            if (audit < 1) {
              throw new NumberFormatException();
            }
          } catch (NumberFormatException e) {
            problems.add(path, "'" + v + "' is not a record count", "write a whole number >= 1");
            audit = 0;
          }
        }
        default ->
            problems.add(
                path,
                "unknown option '" + o.getKey() + "' for kind " + p.kind(),
                "remove it; file options are rotate_size_mb and audit_every");
      }
    }
    return new FileOptions(rotate, audit);
  }

  boolean needsBoundaries() {
    return rotateBytes > 0 || auditEvery > 0;
  }
}
