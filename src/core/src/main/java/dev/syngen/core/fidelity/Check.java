package dev.syngen.core.fidelity;

/**
 * One check of the data: what was checked ({@code kind} on {@code subject}), what was expected and
 * observed, the test statistic and p-value where a statistical test ran, the deviation against what
 * the band allows, the outcome and a sentence saying why. {@code chart} may be null.
 */
public record Check(
    String kind,
    String subject,
    String expected,
    String observed,
    Double statistic,
    Double pValue,
    Double deviation,
    Double allowed,
    Status status,
    String message,
    Chart chart) {

  /** A check's outcome; only FAIL blocks a GO. */
  public enum Status {
    PASS,
    WARN,
    FAIL,
    SKIP
  }

  /** A failed check of {@code kind}: table {@code table} could not be read, and why. */
  public static Check unreadable(String kind, String subject, String table, String why) {
    return new Check(
        kind,
        subject,
        "table " + table,
        "unreadable",
        null,
        null,
        null,
        null,
        Status.FAIL,
        why,
        null);
  }

  public boolean failed() {
    return status == Status.FAIL;
  }
}
