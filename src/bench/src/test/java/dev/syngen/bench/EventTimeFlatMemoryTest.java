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

/**
 * Event-time order over a 10-million-event stream with flat memory: the merge of a 3-state
 * lifecycle's events runs in a JVM whose whole heap is 64 MB, every event arrives no earlier than
 * the one before it, the count is the plan's, and the most events the merge holds at once is no
 * larger for 10 M events than for 1 M (at the same number of instances alive at once).
 */
class EventTimeFlatMemoryTest {
  private static final Pattern RUN =
      Pattern.compile(
          "merge order, ([\\d,]+) tickets: ([\\d,]+) of ([\\d,]+) events, .*out of order: ([\\d,]+),"
              + " same stream: (\\w+), buffered high-water: ([\\d,]+) events");

  @Test
  void tenMillionEventsLeaveInEventTimeOrderFromASixtyFourMegabyteHeap()
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SyngenBench.class.getName(),
                    "bench-merge",
                    "--instances=333334,3333334",
                    "--orders=merge",
                    "--no-warm-up"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "merge bench did not finish");
    assertEquals(0, p.exitValue(), out);
    Matcher m = RUN.matcher(out);
    long[] highWater = new long[2];
    String[] events = {"1,000,002", "10,000,002"};
    for (int i = 0; i < 2; i++) {
      assertTrue(m.find(), out);
      assertEquals(events[i], m.group(3), "the plan's events\n" + out);
      assertEquals(m.group(3), m.group(2), "every event of the plan, once\n" + out);
      assertEquals("0", m.group(4), "event times never go back\n" + out);
      highWater[i] = Long.parseLong(m.group(6).replace(",", ""));
    }
    assertTrue(
        highWater[0] < 200_000 && highWater[1] <= highWater[0] * 3 / 2,
        "events held at once grew with the stream: "
            + highWater[0]
            + " -> "
            + highWater[1]
            + "\n"
            + out);
  }
}
