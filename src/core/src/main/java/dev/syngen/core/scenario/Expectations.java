package dev.syngen.core.scenario;

import java.util.List;
import java.util.Map;

/**
 * What generated data must look like, as declared in a scenario's {@code expectations} section or
 * in a separate spec file: per-column laws, percentiles, shares and null rates; children-per-parent
 * shapes; integrity rules; a release {@code gate} (null when none). {@code band} (strict, normal,
 * relaxed) may be null for the default.
 */
public record Expectations(
    String band,
    List<ColumnExpectation> columns,
    List<RelationshipExpectation> relationships,
    List<IntegrityRule> integrity,
    Gate gate) {
  public static final Expectations NONE = new Expectations(null, List.of(), List.of(), List.of());

  public Expectations {
    columns = List.copyOf(columns);
    relationships = List.copyOf(relationships);
    integrity = List.copyOf(integrity);
  }

  public Expectations(
      String band,
      List<ColumnExpectation> columns,
      List<RelationshipExpectation> relationships,
      List<IntegrityRule> integrity) {
    this(band, columns, relationships, integrity, null);
  }

  /**
   * Expectations of one column ({@code entity.column}); every part is optional. {@code hourShares}
   * ({@code "00"} … {@code "23"}) and {@code weekdayShares} ({@code Mon} … {@code Sun}) are the
   * shares of a timestamp column's values per hour of day and day of week, in UTC.
   */
  public record ColumnExpectation(
      String path,
      String entity,
      String column,
      GeneratorSpec distribution,
      Map<Double, Object> percentiles,
      Map<String, Double> shares,
      Double nullRate,
      String band,
      Map<String, Double> hourShares,
      Map<String, Double> weekdayShares) {
    public ColumnExpectation {
      percentiles = percentiles == null ? Map.of() : Map.copyOf(percentiles);
      shares = shares == null ? Map.of() : Map.copyOf(shares);
      hourShares = hourShares == null ? Map.of() : Map.copyOf(hourShares);
      weekdayShares = weekdayShares == null ? Map.of() : Map.copyOf(weekdayShares);
    }

    /** Expectations without arrival shapes. */
    public ColumnExpectation(
        String path,
        String entity,
        String column,
        GeneratorSpec distribution,
        Map<Double, Object> percentiles,
        Map<String, Double> shares,
        Double nullRate,
        String band) {
      this(path, entity, column, distribution, percentiles, shares, nullRate, band, null, null);
    }
  }

  /**
   * The shape of children per parent along a foreign-key column of the child entity. {@code
   * referenceParents}, when set, is how many parents the distribution was measured on (an original
   * database's profile): the check then compares two samples, not a sample with an exact law.
   */
  public record RelationshipExpectation(
      String path,
      String entity,
      String column,
      GeneratorSpec distribution,
      Map<Double, Object> percentiles,
      String band,
      Long referenceParents) {
    public RelationshipExpectation {
      percentiles = percentiles == null ? Map.of() : Map.copyOf(percentiles);
    }
  }

  /** A rule every row must keep. {@code within} and {@code orderBy} are for monotonic rules. */
  public record IntegrityRule(
      String path, Kind kind, String entity, String column, String within, String orderBy) {
    /** The kinds of integrity rule. */
    public enum Kind {
      FK,
      UNIQUE,
      MONOTONIC
    }
  }
}
