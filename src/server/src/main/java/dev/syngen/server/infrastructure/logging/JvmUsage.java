package dev.syngen.server.infrastructure.logging;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/** The performance fields of the log schema that the JVM reports: CPU time used and heap in use. */
public final class JvmUsage {
  private JvmUsage() {}

  /**
   * CPU time the process has used so far, in ms; -1 where the JVM does not report it. Read as the
   * platform MBean's attribute, so no JVM-specific class is needed.
   */
  public static long cpuMillis() {
    try {
      Object nanos =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
      return nanos instanceof Long n && n >= 0 ? n / 1_000_000 : -1;
    } catch (Exception | LinkageError e) {
      return -1;
    }
  }

  /** Heap in use now, in MiB. */
  public static long heapMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
