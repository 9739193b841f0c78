package dev.syngen.server.application.target;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.Targets;
import dev.syngen.io.jdbc.JdbcUrls;
import dev.syngen.io.yaml.TargetFiles;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Turns a stored or inline {@link TargetSpec} into a profile the engine can open: expands {@code
 * ${VAR}} from the environment, validates it for its kind, and confines file and SQLite targets to
 * the output directory (relative paths resolve against syngen.home).
 */
@ApplicationScoped
public class TargetResolver {
  private static final Set<String> FILE_KINDS = Set.of("csv", "ndjson", "sqlite");

  @Inject Targets targets;
  @Inject SyngenSettings settings;

  /** The openable profile, or null; problems go to {@code problems} under {@code prefix}. */
  public TargetProfile resolve(TargetSpec spec, String prefix, Problems problems) {
    Problems found = new Problems();
    TargetProfile p =
        new TargetFiles(settings.targetsDir(), System::getenv).map(spec.tree(), spec.id(), found);
    if (p != null && found.isEmpty()) {
      targets.validate(p, found);
    }
    if (p != null && found.isEmpty() && FILE_KINDS.contains(p.kind())) {
      p = confine(p, found);
    }
    problems.addUnder(prefix, found.list());
    return found.isEmpty() ? p : null;
  }

  private TargetProfile confine(TargetProfile p, Problems found) {
    Path path;
    try {
      path = "sqlite".equals(p.kind()) ? JdbcUrls.sqlitePath(p.dsn()) : directory(p.dsn());
    } catch (SinkException | IllegalArgumentException e) {
      found.add("dsn", e.getMessage(), "see docs/targets.md for the DSN forms");
      return p;
    }
    Path root = settings.outputDir();
    Path absolute = settings.home().resolve(path).normalize();
    if (!absolute.startsWith(root) || !realParentInside(absolute, root)) {
      found.add(
          "dsn",
          "'" + absolute + "' is outside the server's output directory " + root,
          "use a path under " + root + " (or change the server variable syngen.output.dir)");
      return p;
    }
    return new TargetProfile(
        p.id(), p.name(), p.kind(), absolute.toString(), p.schema(), p.options());
  }

  /** Symbolic links must not lead out of the output directory either. */
  private static boolean realParentInside(Path absolute, Path root) {
    if (!Files.exists(root)) {
      return true;
    }
    Path existing = absolute;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private static Path directory(String dsn) {
    String d =
        dsn.startsWith("file://")
            ? dsn.substring(7)
            : dsn.startsWith("file:") ? dsn.substring(5) : dsn;
    return Path.of(d);
  }
}
