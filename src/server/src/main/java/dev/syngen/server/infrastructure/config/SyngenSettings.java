package dev.syngen.server.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every knob of the server core, read once through MicroProfile Config (server.xml variables reach
 * it as application properties; environment variables such as SYNGEN_RUNS_MAX_ROWS override) and
 * handed to the rest of the server as plain values.
 */
@ApplicationScoped
public class SyngenSettings {
  @Inject
  @ConfigProperty(name = "syngen.home", defaultValue = ".")
  String home;

  @Inject
  @ConfigProperty(name = "syngen.scenarios.dir", defaultValue = "scenarios")
  String scenariosDir;

  @Inject
  @ConfigProperty(name = "syngen.targets.dir", defaultValue = "targets")
  String targetsDir;

  @Inject
  @ConfigProperty(name = "syngen.output.dir", defaultValue = "out")
  String outputDir;

  @Inject
  @ConfigProperty(name = "syngen.llm.dir", defaultValue = "llm")
  String llmDir;

  @Inject
  @ConfigProperty(name = "syngen.llm.cache-dir", defaultValue = "out/llm-cache")
  String llmCacheDir;

  @Inject
  @ConfigProperty(name = "syngen.default.target", defaultValue = "local-sqlite")
  String defaultTarget;

  @Inject
  @ConfigProperty(name = "syngen.api.max-body-bytes", defaultValue = "2097152")
  int maxBodyBytes;

  @Inject
  @ConfigProperty(name = "syngen.runs.max-rows", defaultValue = "10000000000")
  long maxRunRows;

  @Inject
  @ConfigProperty(name = "syngen.runs.max-parallelism", defaultValue = "64")
  int maxParallelism;

  @Inject
  @ConfigProperty(name = "syngen.runs.default-parallelism", defaultValue = "0")
  int defaultParallelism;

  @Inject
  @ConfigProperty(name = "syngen.runs.batch-size", defaultValue = "4096")
  int batchSize;

  @Inject
  @ConfigProperty(name = "syngen.runs.max-active", defaultValue = "50")
  int maxActiveRuns;

  @Inject
  @ConfigProperty(name = "syngen.runs.cancel-wait-seconds", defaultValue = "10")
  int cancelWaitSeconds;

  @Inject
  @ConfigProperty(name = "syngen.server.config.dir", defaultValue = ".")
  String serverConfigDir;

  public Path home() {
    return Path.of(home).toAbsolutePath().normalize();
  }

  public Path scenariosDir() {
    return home().resolve(scenariosDir).normalize();
  }

  public Path targetsDir() {
    return home().resolve(targetsDir).normalize();
  }

  /** The LLM provider profiles ({@code llm/*.yaml}, docs/llm.md). */
  public Path llmDir() {
    return home().resolve(llmDir).normalize();
  }

  /** Where llm_text answers are cached (one JSON file per answer). */
  public Path llmCacheDir() {
    return home().resolve(llmCacheDir).normalize();
  }

  /** The only directory file and SQLite targets may write into. */
  public Path outputDir() {
    return home().resolve(outputDir).normalize();
  }

  public String defaultTarget() {
    return defaultTarget;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public long maxRunRows() {
    return maxRunRows;
  }

  public int maxParallelism() {
    return maxParallelism;
  }

  /** Worker threads of a run that names none: the setting, or the machine's cores. */
  public int defaultParallelism() {
    int cores = Runtime.getRuntime().availableProcessors();
    return defaultParallelism > 0 ? Math.min(defaultParallelism, maxParallelism) : cores;
  }

  public int batchSize() {
    return batchSize;
  }

  public int maxActiveRuns() {
    return maxActiveRuns;
  }

  public int cancelWaitSeconds() {
    return cancelWaitSeconds;
  }

  public Path serverConfigDir() {
    return Path.of(serverConfigDir).toAbsolutePath().normalize();
  }
}
