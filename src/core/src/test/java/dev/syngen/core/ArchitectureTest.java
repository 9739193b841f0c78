package dev.syngen.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the layering of DESIGN.md and docs/architecture.md across the modules under src/: core
 * stays plain Java, io never reaches the front ends, each module holds only its own packages, the
 * server's rooms point inwards (interfaces to application to infrastructure), and every package
 * says its role. Tests run in the repository root.
 */
class ArchitectureTest {
  private static final Path MODULES = Path.of("src");
  private static final List<String> MODULE_NAMES = List.of("core", "io", "cli", "bench", "server");
  private static final Pattern CONTAINER_IMPORT =
      Pattern.compile(
          "^\\s*import\\s+(static\\s+)?(jakarta|javax|org\\.eclipse\\.microprofile)\\.",
          Pattern.MULTILINE);

  /** What each module may not import: the modules above it. */
  private static final Map<String, Pattern> FORBIDDEN =
      Map.of(
          "core", imports("dev\\.syngen\\.(io|cli|bench|server)\\."),
          "io", imports("dev\\.syngen\\.(cli|bench|server)\\."),
          "cli", imports("dev\\.syngen\\.(bench|server)\\."),
          "bench", imports("dev\\.syngen\\.server\\."),
          "server", imports("dev\\.syngen\\.(cli|bench)\\."));

  private static final Path SERVER = mainJava("server").resolve(Path.of("dev", "syngen", "server"));
  private static final Pattern INFRASTRUCTURE_PERSISTENCE =
      imports("dev\\.syngen\\.server\\.infrastructure\\.persistence\\.");

  @Test
  void coreImportsNoContainerApi() throws IOException {
    assertNoImport("core", CONTAINER_IMPORT);
  }

  @Test
  void noModuleImportsTheModulesAboveIt() throws IOException {
    for (Map.Entry<String, Pattern> rule : FORBIDDEN.entrySet()) {
      assertNoImport(rule.getKey(), rule.getValue());
    }
  }

  @Test
  void eachModuleHoldsOnlyItsOwnPackages() throws IOException {
    for (String module : MODULE_NAMES) {
      Path root = mainJava(module).resolve(Path.of("dev", "syngen"));
      List<String> strangers =
          javaFiles(mainJava(module)).stream()
              .filter(p -> !p.startsWith(root.resolve(module)))
              .map(Path::toString)
              .toList();
      assertTrue(
          strangers.isEmpty(), module + " must hold only dev.syngen." + module + ": " + strangers);
    }
  }

  @Test
  void applicationAndInfrastructureNeverCallTheEntryPoints() throws IOException {
    Pattern interfaces = imports("dev\\.syngen\\.server\\.interfaces\\.");
    for (String room : List.of("application", "infrastructure")) {
      List<String> offenders = offenders(javaFiles(SERVER.resolve(room)), interfaces);
      assertTrue(offenders.isEmpty(), room + " must not import server.interfaces: " + offenders);
    }
  }

  @Test
  void interfacesReachPersistenceOnlyThroughApplicationServices() throws IOException {
    Path interfaces = SERVER.resolve("interfaces");
    List<String> offenders =
        offenders(javaFiles(interfaces), INFRASTRUCTURE_PERSISTENCE).stream()
            .map(f -> interfaces.relativize(Path.of(f)).toString().replace('\\', '/'))
            .toList();
    assertTrue(
        offenders.isEmpty(),
        "interfaces must reach persistence through application services: " + offenders);
  }

  @Test
  void everyPackageHasPackageInfo() throws IOException {
    TreeSet<String> missing = new TreeSet<>();
    for (String module : MODULE_NAMES) {
      Path main = mainJava(module);
      for (Path source : javaFiles(main)) {
        Path dir = source.getParent();
        if (!Files.exists(dir.resolve("package-info.java"))) {
          missing.add(main.relativize(dir).toString().replace(java.io.File.separatorChar, '.'));
        }
      }
    }
    assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
  }

  private static void assertNoImport(String module, Pattern forbidden) throws IOException {
    List<Path> sources = javaFiles(mainJava(module));
    assertFalse(sources.isEmpty(), "no sources found under " + mainJava(module).toAbsolutePath());
    List<String> offenders = offenders(sources, forbidden);
    assertTrue(
        offenders.isEmpty(),
        module + " must not import " + forbidden.pattern() + "; offending files: " + offenders);
  }

  private static List<String> offenders(List<Path> sources, Pattern forbidden) {
    return sources.stream()
        .filter(p -> forbidden.matcher(read(p)).find())
        .map(Path::toString)
        .sorted()
        .toList();
  }

  private static Pattern imports(String packages) {
    return Pattern.compile("^\\s*import\\s+(static\\s+)?" + packages, Pattern.MULTILINE);
  }

  private static Path mainJava(String module) {
    return MODULES.resolve(Path.of(module, "src", "main", "java"));
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
