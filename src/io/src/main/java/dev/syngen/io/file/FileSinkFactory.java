package dev.syngen.io.file;

import dev.syngen.core.plan.Shard;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Opens {@code csv} and {@code ndjson} targets; the DSN is a directory (or {@code file:} URI). */
public final class FileSinkFactory implements SinkFactory {
  @Override
  public Set<String> kinds() {
    return Set.of("csv", "ndjson");
  }

  static Path directory(String dsn) {
    String d =
        dsn.startsWith("file://")
            ? dsn.substring(7)
            : dsn.startsWith("file:") ? dsn.substring(5) : dsn;
    return Path.of(d);
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    if (profile.dsn() == null || profile.dsn().isBlank()) {
      problems.add("dsn", "is missing", "set dsn to an output directory, e.g. ./out/csv");
      return;
    }
    Path d = directory(profile.dsn());
    if (Files.exists(d) && !Files.isDirectory(d)) {
      problems.add("dsn", d + " exists and is not a directory", "point dsn at a directory");
    }
    FileOptions.read(profile, problems);
  }

  @Override
  public Sink open(TargetProfile profile) {
    return open(profile, Shard.WHOLE);
  }

  /** A shard of a run writes its own part of every file (see {@link FileSink}). */
  @Override
  public Sink open(TargetProfile profile, RunContext context) {
    return open(profile, context.shard());
  }

  private static Sink open(TargetProfile profile, Shard shard) {
    TextFormat format = "ndjson".equals(profile.kind()) ? new NdjsonFormat() : new CsvFormat();
    Problems problems = new Problems();
    FileOptions options = FileOptions.read(profile, problems);
    dev.syngen.core.sink.SinkException.throwIfInvalid(profile, problems);
    return new FileSink(
        directory(profile.dsn()), format, options, java.time.Clock.systemUTC(), shard);
  }

  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    Path d = directory(profile.dsn());
    try {
      Files.createDirectories(d);
      Path probe = Files.createTempFile(d, ".syngen-probe-", ".tmp");
      Files.writeString(probe, "probe");
      Files.writeString(probe, "");
      Files.delete(probe);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      String version = "filesystem " + Files.getFileStore(d).type();
      return new TargetTestResult(true, ms, version, true, true, true, null);
    } catch (IOException | RuntimeException e) {
      return TargetTestResult.failed(
          (System.nanoTime() - t0) / 1_000_000,
          "cannot write to " + d + ": " + e.getMessage() + ". Fix: choose a writable directory");
    }
  }
}
