package dev.syngen.core.corpus;

import dev.syngen.core.problem.Problems;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a corpus file into its normalised {@link CorpusContent}: strict UTF-8 (a BOM is dropped),
 * values NFC-normalised and trimmed, blank lines skipped. Every problem is reported under the field
 * {@code file} (or {@code column}, {@code weights_column}) with what would fix it.
 */
public final class CorpusReader {
  private CorpusReader() {}

  /** The content, or null with the problems added. */
  public static CorpusContent read(
      byte[] bytes, CorpusSource source, CorpusRules rules, Problems problems) {
    if (bytes.length > rules.maxBytes()) {
      problems.add(
          "file",
          "is too large: " + bytes.length + " bytes, the limit is " + rules.maxBytes(),
          "split the corpus or keep the most useful values");
      return null;
    }
    String text = decode(bytes, problems);
    if (text == null) {
      return null;
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return source.csv() ? csv(text, source, problems) : lines(text, problems);
  }

  private static String decode(byte[] bytes, Problems problems) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(
          "file",
          "is not valid UTF-8 text",
          "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8 in.txt > out.txt)");
      return null;
    }
  }

  private static CorpusContent lines(String text, Problems problems) {
    List<String> values = new ArrayList<>();
    for (String line : text.split("\r\n|\n|\r", -1)) {
      String v = normal(line);
      if (!v.isEmpty()) {
        values.add(v);
      }
    }
    return nonEmpty(new CorpusContent(values, null), problems);
  }

  private static CorpusContent csv(String text, CorpusSource source, Problems problems) {
    List<List<String>> rows = CsvRows.parse(text);
    if (rows.isEmpty()) {
      problems.add("file", "is empty", "give a header row and at least one value");
      return null;
    }
    List<String> header = rows.get(0).stream().map(CorpusReader::normal).toList();
    int col = header.indexOf(source.column());
    int wcol = source.weightsColumn() == null ? -1 : header.indexOf(source.weightsColumn());
    if (col < 0) {
      problems.add(
          "column",
          "'" + source.column() + "' is not a column of the file (columns: " + header + ")",
          "name one of the header's columns");
    }
    if (source.weightsColumn() != null && wcol < 0) {
      problems.add(
          "weights_column",
          "'" + source.weightsColumn() + "' is not a column of the file (columns: " + header + ")",
          "name one of the header's columns, or leave weights_column out");
    }
    if (col < 0 || source.weightsColumn() != null && wcol < 0) {
      return null;
    }
    List<String> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      String v = col < row.size() ? normal(row.get(col)) : "";
      if (v.isEmpty()) {
        continue;
      }
      values.add(v);
      if (wcol >= 0) {
        Double w = weight(wcol < row.size() ? row.get(wcol) : "", r + 1, problems);
        if (w == null) {
          return null;
        }
        weights.add(w);
      }
    }
    double[] w = wcol < 0 ? null : weights.stream().mapToDouble(Double::doubleValue).toArray();
    if (w != null && values.size() > 0 && weights.stream().allMatch(x -> x == 0)) {
      problems.add("weights_column", "has only zero weights", "give at least one weight > 0");
      return null;
    }
    return nonEmpty(new CorpusContent(values, w), problems);
  }

  private static Double weight(String raw, int line, Problems problems) {
    try {
      double d = Double.parseDouble(raw.trim());
      if (d >= 0 && !Double.isInfinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        "weights_column",
        "line " + line + ": '" + raw.trim() + "' is not a weight (a number >= 0)",
        "write a relative weight such as 1 or 0.25 on every line");
    return null;
  }

  private static CorpusContent nonEmpty(CorpusContent c, Problems problems) {
    if (c.size() == 0) {
      problems.add("file", "is empty: it holds no value", "give at least one value, one per line");
      return null;
    }
    for (int i = 0; i < c.size(); i++) {
      if (c.values().get(i).indexOf('\n') >= 0 || c.values().get(i).indexOf('\r') >= 0) {
        problems.add("file", "value " + (i + 1) + " spans lines", "keep each value on one line");
        return null;
      }
    }
    return c;
  }

  static String normal(String raw) {
    return Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
  }
}
