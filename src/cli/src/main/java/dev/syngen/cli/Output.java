package dev.syngen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.syngen.io.history.FileRunRepository;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints results as aligned tables or as JSON (snake_case), as {@code --format} says; the benchmark
 * commands print their tables through it too.
 */
public final class Output {
  enum Format {
    table,
    json
  }

  private Output() {}

  static void json(PrintWriter out, Object value) {
    try {
      out.println(FileRunRepository.mapper().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
    }
    out.flush();
  }

  public static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
    int[] w = new int[headers.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = headers.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], String.valueOf(r.get(i)).length());
      }
    }
    line(out, headers, w);
    for (List<String> r : rows) {
      line(out, r, w);
    }
    out.flush();
  }

  private static void line(PrintWriter out, List<String> cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = String.valueOf(cells.get(i));
      sb.append(c);
      if (i < w.length - 1) {
        sb.append(" ".repeat(w[i] - c.length() + 2));
      }
    }
    out.println(sb.toString().stripTrailing());
  }

  public static String count(long n) {
    return String.format("%,d", n);
  }
}
