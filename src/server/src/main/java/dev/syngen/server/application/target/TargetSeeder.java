package dev.syngen.server.application.target;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Redactor;
import dev.syngen.io.yaml.YamlDocuments;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.Causes;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaTargetStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * At start, adds every target profile of the targets directory whose id is not stored yet. Stored
 * targets win: a target changed over REST is not overwritten by its file. Servers that share one
 * history database (a dispatcher and its executors, replicas) may seed at the same moment: the one
 * whose insert loses on the primary key leaves the target to the other and starts as usual.
 */
@Singleton
@Startup
@DependsOn("HistorySchema")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TargetSeeder {
  private static final Logger LOG = Logger.getLogger(TargetSeeder.class.getName());

  @Inject SyngenSettings settings;
  @Inject JpaTargetStore store;
  @Inject JpaAuditLog audit;
  @Inject Clock clock;

  @PostConstruct
  void seed() {
    for (Path f : files(settings.targetsDir())) {
      Problems problems = new Problems();
      TargetSpec spec = read(f, problems);
      if (spec == null) {
        LOG.warning("target file " + f + " skipped: " + problems.list());
      } else if (created(spec)) {
        audit.append(
            new AuditEntry(
                clock.instant(),
                "system",
                "target.create",
                "target:" + spec.id(),
                "seeded from "
                    + f.getFileName()
                    + ": kind="
                    + spec.kind()
                    + " dsn="
                    + Redactor.dsn(spec.dsn()),
                null));
        LOG.info("target " + spec.id() + " added from " + f);
      }
    }
  }

  /** Stores the target; false if it is stored already, by this server or another. */
  boolean created(TargetSpec spec) {
    try {
      return store.create(spec, "file");
    } catch (RuntimeException e) {
      if (!duplicateKey(e)) {
        throw e;
      }
      LOG.info("target " + spec.id() + " was stored by another server at the same time");
      return false;
    }
  }

  /** Whether a failure's causes include an integrity-constraint violation (SQLState 23…). */
  static boolean duplicateKey(Throwable e) {
    return Causes.sqlState(e, state -> state.startsWith("23"));
  }

  private static TargetSpec read(Path f, Problems problems) {
    try {
      if (Files.size(f) > YamlDocuments.MAX_CHARS) {
        problems.add("(file)", "larger than " + YamlDocuments.MAX_CHARS + " bytes", "shrink it");
        return null;
      }
      Object tree = YamlDocuments.parse(Files.readString(f, StandardCharsets.UTF_8), "target " + f);
      return TargetSpecs.fromTree(tree, stem(f), problems);
    } catch (IOException | RuntimeException e) {
      problems.add("(file)", Redactor.text(e.getMessage()), "fix or remove the file");
      return null;
    }
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .filter(f -> ScenarioCatalog.ID.matcher(stem(f)).matches())
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      LOG.warning("cannot list targets in " + dir + ": " + e.getMessage());
      return List.of();
    }
  }

  private static String stem(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
