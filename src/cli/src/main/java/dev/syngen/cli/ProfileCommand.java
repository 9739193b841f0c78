package dev.syngen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.profile.ClusterOptions;
import dev.syngen.core.profile.Profiler;
import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.profile.TableProfile.Cluster;
import dev.syngen.core.profile.TableProfile.Clusters;
import dev.syngen.core.profile.TableProfile.ColumnProfile;
import dev.syngen.core.profile.TableProfile.Separation;
import dev.syngen.io.TableSources;
import dev.syngen.io.history.FileRunRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syngen profile}: the shape of an existing table (no raw identifiers or free text), its
 * clusters, and optionally a side-by-side comparison with another profile.
 */
@Command(
    name = "profile",
    description = "Profile a table's shape (safe to take out of production); compare two profiles.",
    mixinStandardHelpOptions = true)
final class ProfileCommand implements Callable<Integer> {
  @ParentCommand SyngenCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "ID|PATH",
      description = "Where the table is.")
  String target;

  @Option(
      names = "--target-kind",
      paramLabel = "KIND",
      description =
          "Inline target kind (sqlite, postgres, mariadb, csv, ndjson); --target is then a DSN or"
              + " directory.")
  String targetKind;

  @Option(names = "--table", required = true, description = "The table to profile.")
  String table;

  @Option(
      names = "--k",
      defaultValue = "10",
      description =
          "Report a category only if it occurs at least k times; clusters need k rows (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--sample",
      defaultValue = "50000",
      description = "Rows sampled (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(
      names = "--clusters",
      defaultValue = "3",
      description =
          "Clusters k-means and hierarchical look for over the numeric and category columns; 0 for"
              + " none (default: ${DEFAULT-VALUE}).")
  int clusters;

  @Option(
      names = "--cluster-method",
      defaultValue = "kmeans",
      paramLabel = "METHOD",
      description =
          "kmeans, dbscan (finds its own number of clusters and the noise) or hierarchical (Ward)"
              + " (default: ${DEFAULT-VALUE}).")
  String clusterMethod;

  @Option(
      names = "--eps",
      paramLabel = "RADIUS",
      description =
          "DBSCAN's neighbourhood radius in standard deviations; estimated from the data when"
              + " omitted.")
  Double eps;

  @Option(
      names = "--min-points",
      defaultValue = "5",
      description = "DBSCAN's least neighbours of a core row (default: ${DEFAULT-VALUE}).")
  int minPoints;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the profile as JSON.")
  Path out;

  @Option(
      names = "--compare",
      paramLabel = "FILE",
      description = "A profile to show side by side (e.g. production versus generated).")
  Path compare;

  @Mixin FormatOption output;

  @Override
  public Integer call() throws IOException {
    if (!Identifiers.isSafe(table)) {
      throw new IllegalArgumentException(
          "--table '" + table + "' is not a safe table name; " + Identifiers.RULE);
    }
    if (k < 2 || k > 1_000_000) {
      throw new IllegalArgumentException("--k must be between 2 and 1000000, got " + k);
    }
    if (sample < 100 || sample > 5_000_000) {
      throw new IllegalArgumentException("--sample must be between 100 and 5000000, got " + sample);
    }
    ClusterOptions how;
    try {
      how =
          new ClusterOptions(ClusterOptions.Method.parse(clusterMethod), clusters, eps, minPoints);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--cluster-method/--clusters/--eps/--min-points: " + e.getMessage(), e);
    }
    TableProfile other = compare == null ? null : read(compare);
    TableProfile p;
    try (TableSource source = TableSources.open(new Workspace(root).resolve(target, targetKind))) {
      p = new Profiler(k, sample, how, 42).profile(source, table);
    }
    if (out != null) {
      Files.writeString(
          out, FileRunRepository.mapper().writeValueAsString(p), StandardCharsets.UTF_8);
    }
    PrintWriter w = spec.commandLine().getOut();
    if (output.json()) {
      Output.json(w, p);
    } else if (other == null) {
      print(w, p);
    } else {
      side(w, other, p);
    }
    if (out != null) {
      w.println("profile written to " + out);
    }
    w.flush();
    return 0;
  }

  static TableProfile read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " is not a profile file");
    }
    ObjectMapper m = FileRunRepository.mapper();
    try {
      return m.readValue(file.toFile(), TableProfile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + " is not a syngen profile: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static void print(PrintWriter w, TableProfile p) {
    w.printf("table %s: %,d rows, %,d sampled, k = %d%n", p.table(), p.rows(), p.sampled(), p.k());
    List<List<String>> rows = new ArrayList<>();
    for (ColumnProfile c : p.columns()) {
      rows.add(
          List.of(
              c.name(),
              c.type(),
              c.role(),
              pct(c.nullRate()),
              Long.toString(c.distinctInSample()),
              summary(c)));
    }
    Output.table(w, List.of("COLUMN", "TYPE", "ROLE", "NULLS", "DISTINCT", "SHAPE"), rows);
    clusters(w, "clusters", p);
  }

  private static void side(PrintWriter w, TableProfile a, TableProfile b) {
    w.printf("%s (%,d rows)  versus  %s (%,d rows)%n", a.table(), a.rows(), b.table(), b.rows());
    List<List<String>> rows = new ArrayList<>();
    for (ColumnProfile ca : a.columns()) {
      ColumnProfile cb =
          b.columns().stream().filter(c -> c.name().equals(ca.name())).findFirst().orElse(null);
      rows.add(
          List.of(
              ca.name(),
              ca.role(),
              pct(ca.nullRate()) + " | " + (cb == null ? "-" : pct(cb.nullRate())),
              summary(ca),
              cb == null ? "(missing)" : summary(cb)));
    }
    Output.table(w, List.of("COLUMN", "ROLE", "NULLS", "FIRST", "SECOND"), rows);
    clusters(w, "clusters of " + a.table() + " (first)", a);
    clusters(w, "clusters of " + b.table() + " (second)", b);
  }

  private static String summary(ColumnProfile c) {
    return switch (c.role()) {
      case "number", "time" ->
          "p5 "
              + show(c.percentiles().get("p5"))
              + "  p50 "
              + show(c.percentiles().get("p50"))
              + "  p95 "
              + show(c.percentiles().get("p95"));
      case "category", "flag" -> top(c.shares());
      default ->
          "length p50 " + show(c.length().get("p50")) + ", p95 " + show(c.length().get("p95"));
    };
  }

  private static String top(Map<String, Double> shares) {
    List<String> parts = new ArrayList<>();
    shares.entrySet().stream()
        .limit(4)
        .forEach(e -> parts.add(e.getKey() + " " + pct(e.getValue())));
    return String.join(", ", parts) + (shares.size() > 4 ? ", …" : "");
  }

  private static void clusters(PrintWriter w, String title, TableProfile p) {
    Clusters found = p.clusters();
    if (found == null || found.found().isEmpty()) {
      return;
    }
    w.printf(
        "%n%s (%s, silhouette %.2f%s) over %s%n",
        title,
        found.method(),
        found.silhouette(),
        found.noise() > 0 ? ", noise " + pct(found.noise()) : "",
        String.join(", ", found.columns()));
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (Cluster c : found.found()) {
      List<String> centre = c.centre().stream().map(ProfileCommand::show).toList();
      rows.add(
          List.of(
              Integer.toString(i++),
              pct(c.share()),
              String.format(Locale.ROOT, "%.2f", c.silhouette()),
              String.join("  ", centre)));
    }
    Output.table(w, List.of("#", "SHARE", "SILHOUETTE", "CENTRE"), rows);
    if (!found.separating().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Separation s : found.separating()) {
        parts.add(s.column() + " " + pct(s.share()));
      }
      w.println("separated most by " + String.join(", ", parts) + " (variance between clusters)");
    }
    if (found.suppressed() > 0) {
      w.println(found.suppressed() + " cluster(s) under k rows not shown");
    }
  }

  private static String show(Object v) {
    if (v instanceof Double d) {
      return Math.abs(d) >= 1e6 || d == Math.rint(d)
          ? String.format(Locale.ROOT, "%.0f", d)
          : String.format(Locale.ROOT, "%.3g", d);
    }
    return String.valueOf(v);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
