package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * What the build ships: the command-line jar carries no benchmark or server code, the benchmark jar
 * no server code, and the WAR (its classes and every jar in WEB-INF/lib) no command line, no
 * benchmarks and no picocli. Runs after packaging, so the archives are the ones users get.
 */
class ArchivesIT {
  private static final Path CLI_JAR = archive("syngen.it.cli.jar");
  private static final Path BENCH_JAR = archive("syngen.it.bench.jar");
  private static final Path WAR = archive("syngen.it.war");

  @Test
  void theCliJarRunsTheCommandLineWithoutBenchOrServerCode() throws IOException {
    List<String> entries = entries(CLI_JAR);
    assertTrue(entries.contains("dev/syngen/cli/SyngenCommand.class"), "no CLI in " + CLI_JAR);
    assertTrue(entries.contains("dev/syngen/core/engine/RunEngine.class"), "no core in " + CLI_JAR);
    assertNone(entries, n -> n.startsWith("dev/syngen/bench/"), CLI_JAR + " holds bench code");
    assertNone(entries, n -> n.startsWith("dev/syngen/server/"), CLI_JAR + " holds server code");
    assertNone(entries, n -> n.matches("dev/syngen/.*/bench-[^/]*\\.yaml"), "bench scenarios");
  }

  @Test
  void theBenchJarHoldsTheBenchmarksButNoServerCode() throws IOException {
    List<String> entries = entries(BENCH_JAR);
    assertTrue(entries.contains("dev/syngen/bench/SyngenBench.class"), "no bench in " + BENCH_JAR);
    assertNone(entries, n -> n.startsWith("dev/syngen/server/"), BENCH_JAR + " holds server code");
  }

  @Test
  void theWarShipsNoCommandLineNoBenchmarksAndNoPicocli() throws IOException {
    List<String> classes = entries(WAR);
    assertTrue(
        classes.stream().anyMatch(n -> n.startsWith("WEB-INF/classes/dev/syngen/server/")),
        "no server classes in " + WAR);
    assertNone(classes, n -> n.contains("dev/syngen/cli/"), "the WAR holds CLI classes");
    assertNone(classes, n -> n.contains("dev/syngen/bench/"), "the WAR holds bench classes");

    List<String> libs = classes.stream().filter(n -> n.matches("WEB-INF/lib/[^/]+\\.jar")).toList();
    assertTrue(libs.contains("WEB-INF/lib/syngen-core-" + version() + ".jar"), "libs: " + libs);
    assertNone(libs, n -> n.contains("picocli"), "the WAR ships picocli: " + libs);
    assertNone(libs, n -> n.contains("syngen-cli") || n.contains("syngen-bench"), "libs: " + libs);
    try (ZipFile war = new ZipFile(WAR.toFile())) {
      for (String lib : libs) {
        List<String> inside = nestedEntries(war, war.getEntry(lib));
        assertNone(inside, n -> n.startsWith("dev/syngen/cli/"), lib + " holds CLI classes");
        assertNone(inside, n -> n.startsWith("dev/syngen/bench/"), lib + " holds bench classes");
        assertNone(inside, n -> n.startsWith("picocli/"), lib + " holds picocli");
      }
    }
  }

  private static Path archive(String property) {
    String path = System.getProperty(property);
    assertTrue(path != null, "system property " + property + " is not set (failsafe sets it)");
    return Path.of(path);
  }

  private static String version() {
    return System.getProperty("syngen.version");
  }

  private static List<String> entries(Path archive) throws IOException {
    assertTrue(Files.isRegularFile(archive), archive + " was not built");
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }
  }

  private static List<String> nestedEntries(ZipFile outer, ZipEntry jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(outer.getInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  private static void assertNone(List<String> names, Predicate<String> bad, String message) {
    List<String> found = names.stream().filter(bad).limit(5).toList();
    assertTrue(found.isEmpty(), message + ": " + found);
  }
}
