package dev.syngen.bench;

import dev.syngen.cli.SyngenCommand;
import dev.syngen.io.brokers.KafkaBroker;
import java.util.ArrayList;
import java.util.List;

/**
 * Lifecycle events into Kafka: starts the in-JVM KRaft broker (as {@link BrokerBenchMain} does) and
 * runs {@code syngen run start} for each benchmark lifecycle, writing only its {@code _events}
 * entity, in instance order and in event-time order ({@code --speed max}), printing events/s.
 * Arguments: {@code scenario:entity} pairs (default the 3- and 7-state benchmarks); the command is
 * in docs/benchmarks.md#lifecycles.
 */
public final class LifecycleKafkaBenchMain {
  private LifecycleKafkaBenchMain() {}

  public static void main(String[] args) throws Exception {
    List<String> runs =
        args.length > 0
            ? List.of(args)
            : List.of(
                "src/bench/scenarios/lifecycle-3.yaml:tickets",
                "src/bench/scenarios/lifecycle-7.yaml:orders");
    int exit = 0;
    try (KafkaBroker kafka = new KafkaBroker()) {
      int n = 0;
      for (String run : runs) {
        String scenario = run.substring(0, run.lastIndexOf(':'));
        String entity = run.substring(run.lastIndexOf(':') + 1);
        for (boolean eventTime : new boolean[] {false, true}) {
          List<String> cli =
              new ArrayList<>(
                  List.of(
                      "run",
                      "start",
                      "--scenario",
                      scenario,
                      "--include-entity",
                      entity + "_events",
                      "--target-kind",
                      "kafka",
                      "--target",
                      "kafka://" + kafka.bootstrap(),
                      "--history-dir",
                      System.getProperty("java.io.tmpdir") + "/syngen-lcbench-" + n++,
                      "--quiet"));
          if (eventTime) {
            cli.addAll(List.of("--speed", "max"));
          }
          long t0 = System.nanoTime();
          int code = SyngenCommand.commandLine().execute(cli.toArray(String[]::new));
          double s = (System.nanoTime() - t0) / 1e9;
          System.out.printf(
              "%s %s: exit %d, %.1f s%n",
              run, eventTime ? "event-time order (--speed max)" : "instance order", code, s);
          exit = Math.max(exit, code);
        }
      }
    }
    System.exit(exit);
  }
}
