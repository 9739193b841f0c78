package dev.syngen.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guards the layering of DESIGN.md: core stays plain Java, and every package says its role. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src", "main", "java", "dev", "syngen");
  private static final Path CORE = MAIN.resolve("core");
  private static final Pattern CONTAINER_IMPORT =
      Pattern.compile(
          "^\\s*import\\s+(static\\s+)?(jakarta|javax|org\\.eclipse\\.microprofile)\\.",
          Pattern.MULTILINE);

  @Test
  void coreImportsNoContainerApi() throws IOException {
    List<Path> sources = javaFiles(CORE);
    assertFalse(sources.isEmpty(), "no sources found under " + CORE.toAbsolutePath());
    List<String> offenders =
        sources.stream()
            .filter(p -> CONTAINER_IMPORT.matcher(read(p)).find())
            .map(Path::toString)
            .sorted()
            .toList();
    assertTrue(
        offenders.isEmpty(),
        "core must not import jakarta.*, javax.* or org.eclipse.microprofile.*; offending files: "
            + offenders);
  }

  @Test
  void everyPackageHasPackageInfo() throws IOException {
    TreeSet<String> missing = new TreeSet<>();
    for (Path source : javaFiles(MAIN)) {
      Path dir = source.getParent();
      if (!Files.exists(dir.resolve("package-info.java"))) {
        missing.add(MAIN.relativize(dir).toString().replace(java.io.File.separatorChar, '.'));
      }
    }
    assertTrue(missing.isEmpty(), "packages without package-info.java (dev.syngen.…): " + missing);
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
