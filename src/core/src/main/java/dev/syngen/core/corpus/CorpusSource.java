package dev.syngen.core.corpus;

import dev.syngen.core.problem.Problems;
import java.util.Locale;

/**
 * How a corpus file is read: {@code text} (one value per line) or {@code csv} (the values in {@code
 * column}, optional relative weights in {@code weightsColumn}, a header row naming them).
 */
public record CorpusSource(String format, String column, String weightsColumn) {
  public static final CorpusSource TEXT = new CorpusSource("text", null, null);

  /** The source a file name suggests: csv for {@code .csv} (column {@code value}), else text. */
  public static CorpusSource forFile(String fileName, String column, String weightsColumn) {
    boolean csv =
        fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")
            || column != null
            || weightsColumn != null;
    return csv ? new CorpusSource("csv", column == null ? "value" : column, weightsColumn) : TEXT;
  }

  public boolean csv() {
    return "csv".equals(format);
  }

  /** Adds a problem for each unusable field. */
  public void check(Problems problems) {
    if (!"text".equals(format) && !"csv".equals(format)) {
      problems.add("format", "must be text or csv, got '" + format + "'", "use format: text");
    }
    if (csv() && (column == null || column.isBlank())) {
      problems.add("column", "is missing for a csv corpus", "name the CSV column, e.g. value");
    }
    if (!csv() && weightsColumn != null) {
      problems.add(
          "weights_column", "needs a csv corpus", "upload a CSV file with a weights column");
    }
  }
}
