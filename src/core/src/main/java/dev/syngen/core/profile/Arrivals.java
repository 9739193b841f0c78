package dev.syngen.core.profile;

import dev.syngen.core.profile.TableProfile.ColumnProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Arrival shapes of a timestamp column: the shares of its values per hour of day (24) and per day
 * of week (7, Monday first), in UTC. Hours or days holding fewer than k values have no share
 * (null), as histogram buckets do. A shape is <em>clear</em> when a chi-square test against a flat
 * clock rejects it at p &lt; 0.001 and its total variation from flat is at least 5 %: the first
 * keeps sampling noise from drafting a curve, the second keeps a huge sample's negligible ripple
 * flat.
 */
public final class Arrivals {
  public static final List<String> HOURS;
  public static final List<String> WEEKDAYS =
      List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

  static final double ALPHA = 0.001;
  static final double MIN_VARIATION = 0.05;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  static {
    List<String> h = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      h.add(String.format("%02d", i));
    }
    HOURS = List.copyOf(h);
  }

  private Arrivals() {}

  /** Hour of day (0–23, UTC) of an epoch-millisecond instant. */
  public static int hour(long millis) {
    return (int) (Math.floorMod(millis, DAY) / HOUR);
  }

  /** Day of week (0 = Monday … 6 = Sunday, UTC) of an epoch-millisecond instant. */
  public static int weekday(long millis) {
    return (int) Math.floorMod(Math.floorDiv(millis, DAY) + 3, 7L); // 1970-01-01 was a Thursday
  }

  /** Shares of the instants per hour of day, null where 1 … k-1 instants. */
  static List<Double> hourShares(long[] millis, int k) {
    long[] counts = new long[24];
    for (long t : millis) {
      counts[hour(t)]++;
    }
    return shares(counts, millis.length, k);
  }

  /** Shares of the instants per day of week, null where 1 … k-1 instants. */
  static List<Double> weekdayShares(long[] millis, int k) {
    long[] counts = new long[7];
    for (long t : millis) {
      counts[weekday(t)]++;
    }
    return shares(counts, millis.length, k);
  }

  private static List<Double> shares(long[] counts, int n, int k) {
    if (n == 0) {
      return List.of();
    }
    List<Double> out = new ArrayList<>();
    for (long c : counts) {
      // none is an aggregate like any other; one to k-1 could single out a record
      out.add(
          c == 0
              ? Double.valueOf(0)
              : c < k ? null : Double.valueOf(ScenarioDraft.round4(c / (double) n)));
    }
    return Collections.unmodifiableList(out);
  }

  /** True when the column's hour-of-day or weekday shares are clearly not flat. */
  public static boolean shaped(ColumnProfile c, int sampled) {
    long n = Math.round(sampled * (1 - c.nullRate()));
    return clear(c.hours(), n) || clear(c.weekdays(), n);
  }

  /**
   * Chi-square against equal shares, on counts rebuilt from the shares (a hidden share counts as
   * 0), and the total variation from flat.
   */
  static boolean clear(List<Double> shares, long n) {
    if (shares == null || shares.isEmpty() || n == 0) {
      return false;
    }
    int cells = shares.size();
    double expected = n / (double) cells;
    double chi = 0;
    double variation = 0;
    for (Double s : shares) {
      double share = s == null ? 0 : s;
      chi += Math.pow(share * n - expected, 2) / expected;
      variation += Math.abs(share - 1.0 / cells) / 2;
    }
    double p = 1 - new ChiSquaredDistribution(cells - 1).cumulativeProbability(chi);
    return p < ALPHA && variation >= MIN_VARIATION;
  }

  /** Labelled shares for an expectation, the hidden ones left out. */
  public static Map<String, Object> labelled(List<Double> shares, List<String> labels) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < shares.size() && i < labels.size(); i++) {
      if (shares.get(i) != null) {
        // rounded down, so the rounded shares never add up to more than 1
        out.put(labels.get(i), Math.floor(shares.get(i) * 10_000) / 10_000);
      }
    }
    return out;
  }

  /** The shares as generator weights, a hidden share as 0. */
  public static List<Double> weights(List<Double> shares) {
    return shares.stream().map(s -> s == null ? 0.0 : s).toList();
  }
}
