package dev.syngen.io.message;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What every message target's factory does the same way: one kind, settings read from the profile's
 * options (all problems at once), a sink per run stamped with the run's identity, and a target test
 * that times one probe and turns any failure into a redacted message with a fix. A kind gives its
 * settings reader, how a sink is made, and its probe.
 *
 * @param <S> the kind's settings, read from a profile by an {@link OptionReader}
 */
public abstract class MessageSinkFactory<S> implements SinkFactory {
  private final String kind;
  private final BiFunction<TargetProfile, OptionReader, S> reader;
  private final String what;
  private final String fix;

  /**
   * @param what how a failed test names the target before its DSN, e.g. {@code "kafka at "}
   * @param fix what a failed test tells the user to do
   */
  protected MessageSinkFactory(
      String kind, BiFunction<TargetProfile, OptionReader, S> reader, String what, String fix) {
    this.kind = kind;
    this.reader = reader;
    this.what = what;
    this.fix = fix;
  }

  @Override
  public final Set<String> kinds() {
    return Set.of(kind);
  }

  @Override
  public final void validate(TargetProfile profile, Problems problems) {
    reader.apply(profile, new OptionReader(profile, problems));
  }

  /** The profile's settings; throws with every problem when the profile is invalid. */
  protected final S settings(TargetProfile profile) {
    return OptionReader.readValid(profile, reader);
  }

  @Override
  public final Sink open(TargetProfile profile) {
    return open(profile, RunContext.ADHOC);
  }

  @Override
  public final Sink open(TargetProfile profile, RunContext context) {
    return sink(settings(profile), context);
  }

  protected abstract Sink sink(S settings, RunContext context);

  @Override
  public final TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    S settings = null;
    try {
      settings = settings(profile);
      return probe(settings, t0);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return TargetTestResult.failed(
          millisSince(t0),
          "cannot reach "
              + what
              + profile.redactedDsn()
              + ": "
              + Retry.describe(e)
              + fix(settings));
    }
  }

  /**
   * Connects with valid settings and checks what the target allows; {@code t0} is when the test
   * began ({@link System#nanoTime()}), for the latency the result reports.
   */
  protected abstract TargetTestResult probe(S settings, long t0) throws Exception;

  /** The end of a failed test's message: {@code ". Fix: …"}; settings are null if invalid. */
  protected String fix(S settings) {
    return ". Fix: " + fix;
  }

  protected static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
