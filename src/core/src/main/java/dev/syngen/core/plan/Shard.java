package dev.syngen.core.plan;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} (0-based): the contiguous row range {@code [index × rows /
 * count, (index + 1) × rows / count)} of every entity. The N ranges of an entity are disjoint, in
 * order and cover all its rows, so N shards of a run with the same seed and as_of write exactly the
 * rows of the unsharded run. {@link #WHOLE} is the unsharded run.
 */
public record Shard(int index, int count) {
  /** The unsharded run: shard 0 of 1. */
  public static final Shard WHOLE = new Shard(0, 1);

  /** The most shards a run may be split into. */
  public static final int MAX_COUNT = 100_000;

  private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

  public Shard {
    if (count < 1 || count > MAX_COUNT || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + "/" + count + " is out of range");
    }
  }

  /**
   * Parses {@code I/N}; {@code source} names where the text came from (a flag, an environment
   * variable) in the problem reported.
   */
  public static Shard parse(String text, String source, Problems problems) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    String fix =
        "write I/N with 0 <= I < N <= " + MAX_COUNT + ", e.g. 2/4 or $JOB_COMPLETION_INDEX/4";
    if (!m.matches()) {
      problems.add(source, "'" + text + "' is not a shard I/N", fix);
      return null;
    }
    long i = Long.parseLong(m.group(1));
    long n = Long.parseLong(m.group(2));
    if (n < 1 || n > MAX_COUNT) {
      problems.add(source, "'" + text + "': the shard count must be 1 … " + MAX_COUNT, fix);
      return null;
    }
    if (i >= n) {
      problems.add(
          source,
          "'"
              + text
              + "': the index is 0-based, so it must be below "
              + n
              + " (0 … "
              + (n - 1)
              + ")",
          fix);
      return null;
    }
    return new Shard((int) i, (int) n);
  }

  /**
   * Reports every reason a run request cannot be one of several shards: all shards must compute the
   * same plan (so seed and as_of may not default to per-process values), their rows must be
   * reproducible (no duration or wall clock), and no shard may empty tables the others write into.
   *
   * @param truncatesSharedTables the request truncates tables of a database target
   * @param timed the request ends an entity by time or stamps wall-clock times
   */
  public static void checkRun(
      Scenario scenario,
      RunOverrides overrides,
      boolean truncatesSharedTables,
      boolean timed,
      Problems problems) {
    if (overrides.asOf() == null && scenario.asOf() == null) {
      problems.add(
          "--as-of",
          "is missing and scenario '"
              + scenario.id()
              + "' has no as_of, so every shard would anchor relative times at its own start"
              + " time",
          "give every shard the same --as-of, e.g. --as-of 2026-01-01T00:00:00Z");
    }
    if (overrides.seed() == null && scenario.seed() == null) {
      problems.add(
          "--seed",
          "is missing and scenario '"
              + scenario.id()
              + "' has no seed, so every shard would draw its own",
          "give every shard the same --seed, e.g. --seed 42");
    }
    if (truncatesSharedTables) {
      problems.add(
          "--mode",
          "truncate_then_insert would let one shard empty the tables other shards are writing",
          "empty the tables once before starting the shards (or use a new schema), and run the"
              + " shards with --mode create_if_missing or append_only");
    }
    if (timed) {
      problems.add(
          "--duration",
          "a shard's rows must be a fixed part of the run, but --duration without a records/s rate"
              + " or --wall-clock makes them depend on time",
          "give shards row counts (--entity-count, --scale), or a --rate with the --duration");
    }
  }

  /** The first row of this shard in an entity of {@code rows} rows. */
  public long first(long rows) {
    return at(rows, index);
  }

  /** The row after this shard's last row in an entity of {@code rows} rows. */
  public long end(long rows) {
    return at(rows, index + 1);
  }

  /** How many of an entity's {@code rows} rows this shard holds. */
  public long size(long rows) {
    return end(rows) - first(rows);
  }

  /** Whether this is the whole run, not a part of it. */
  public boolean isWhole() {
    return count == 1;
  }

  /** {@code floor(rows × k / count)} without overflow. */
  private long at(long rows, int k) {
    return rows / count * k + rows % count * k / count;
  }

  /** {@code I/N}, as given on the command line and stored with the run. */
  public String label() {
    return index + "/" + count;
  }

  /** The file-name part of this shard: {@code .part-00002-of-00004}. */
  public String partSuffix() {
    return String.format(".part-%05d-of-%05d", index, count);
  }

  /** The shard a label such as {@code 2/4} names, as stored in a run record. */
  public static Shard ofLabel(String label) {
    Problems problems = new Problems();
    Shard s = parse(label, "shard", problems);
    problems.throwIfAny("shard");
    return s;
  }

  @Override
  public String toString() {
    return label();
  }
}
