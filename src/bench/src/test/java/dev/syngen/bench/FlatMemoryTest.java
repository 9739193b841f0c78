package dev.syngen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat: a 20-million-row run (about 1.4 GB of CSV-equivalent data) completes in a JVM
 * whose whole heap is 48 MB, and its peak heap is no larger than a run a tenth its size.
 */
class FlatMemoryTest {
  @TempDir Path tmp;

  @Test
  void twentyMillionRowsRunInAFortyEightMegabyteHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx48m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SyngenBench.class.getName(),
                    "bench",
                    "--rows=20000",
                    "--heap-rows=20000000",
                    "--postgres=none",
                    "--dir=" + tmp))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "bench did not finish");
    assertEquals(0, p.exitValue(), out);
    Matcher m = Pattern.compile("peak heap of a ([\\d,]+)-row run: (\\d+) MB").matcher(out);
    assertTrue(m.find(), out);
    long small = Long.parseLong(m.group(2));
    assertTrue(m.find(), out);
    assertEquals("20,000,000", m.group(1));
    long large = Long.parseLong(m.group(2));
    assertTrue(
        large <= 48 && large <= small + 16,
        "peak heap grew with rows: " + small + " MB -> " + large + " MB\n" + out);
  }
}
