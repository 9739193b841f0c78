package dev.syngen.server.interfaces.console;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;

/**
 * The server JVM's own resources, as its platform MXBeans (the source of MicroProfile Metrics' base
 * metrics) report them: process CPU load, heap used and maximum, the time garbage collection took
 * since the previous reading, and live threads. One instance keeps the previous GC total, so each
 * reading says how much of the interval went to collection.
 */
final class JvmResources {
  /** One reading: CPU share of the machine (0–1, -1 unknown), heap in MiB, GC ms, threads. */
  record Reading(double cpu, double heapUsedMb, double heapMaxMb, long gcMillis, int threads) {
    /** Heap used as a share of the maximum (0 when the maximum is unknown). */
    double heapShare() {
      return heapMaxMb > 0 ? heapUsedMb / heapMaxMb : 0;
    }
  }

  private static final double MB = 1024.0 * 1024.0;
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  private long lastGcMillis = -1;

  synchronized Reading read() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long gc = 0;
    for (GarbageCollectorMXBean c : collectors) {
      gc += Math.max(0, c.getCollectionTime());
    }
    long delta = lastGcMillis < 0 ? 0 : Math.max(0, gc - lastGcMillis);
    lastGcMillis = gc;
    return new Reading(
        cpu(),
        heap.getUsed() / MB,
        heap.getMax() > 0 ? heap.getMax() / MB : heap.getCommitted() / MB,
        delta,
        ManagementFactory.getThreadMXBean().getThreadCount());
  }

  private static double cpu() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      double load = sun.getProcessCpuLoad();
      return load >= 0 ? load : -1;
    }
    return -1;
  }
}
