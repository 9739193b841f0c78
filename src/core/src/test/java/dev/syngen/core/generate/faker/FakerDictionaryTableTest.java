package dev.syngen.core.generate.faker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped dictionaries ({@code dictionaries/<locale>/<provider>.txt}) hold exactly the entries
 * that compiling every provider method of the catalogue reads from Datafaker's YAML, word for word,
 * in every shipped locale, and no other files. After a Datafaker upgrade this fails and writes the
 * new files to {@code target/faker-dictionaries/}.
 */
class FakerDictionaryTableTest {
  /** The resources' source folder, whether tests run in the module or at the build's root. */
  private static final Path SHIPPED =
      (Files.isDirectory(Path.of("src/core")) ? Path.of("src/core") : Path.of("."))
          .resolve("src/main/resources/dev/syngen/core/generate/faker/dictionaries")
          .normalize();

  @Test
  void shippedDictionariesAreDatafakersEntries() throws IOException {
    Map<String, String> expected = new TreeMap<>(); // "tag/owner" -> file text
    for (String tag : ShippedDictionaries.LOCALES) {
      Map<String, Object> entries = new TreeMap<>();
      for (FakerCatalogue.Provider p : FakerCatalogue.providers().values()) {
        for (String method : p.methods().values()) {
          entries.putAll(
              FakerCompiler.entries(
                  "#{" + p.name() + "." + method + "}", Locale.forLanguageTag(tag)));
        }
      }
      Map<String, StringBuilder> files = new TreeMap<>();
      entries.forEach(
          (key, value) -> {
            if (ShippedDictionaries.shippable(value)) {
              String owner = key.substring(0, key.indexOf('.'));
              ShippedDictionaries.write(
                  files.computeIfAbsent(owner, o -> new StringBuilder()), key, value);
            }
          });
      files.forEach((owner, text) -> expected.put(tag + "/" + owner, text.toString()));
      assertTrue(files.containsKey("name") && files.containsKey("address"), tag);
    }
    Map<String, String> shipped = new TreeMap<>();
    if (Files.isDirectory(SHIPPED)) {
      try (Stream<Path> all = Files.walk(SHIPPED)) {
        for (Path f : all.filter(Files::isRegularFile).toList()) {
          String name = SHIPPED.relativize(f).toString().replace('\\', '/');
          shipped.put(name.substring(0, name.length() - ".txt".length()), Files.readString(f));
        }
      }
    }
    Path written = Path.of("target", "faker-dictionaries").toAbsolutePath();
    if (!expected.equals(shipped)) {
      for (Map.Entry<String, String> e : expected.entrySet()) {
        Path f = written.resolve(e.getKey() + ".txt");
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue());
      }
    }
    java.util.Set<String> missing = new java.util.TreeSet<>(expected.keySet());
    missing.removeAll(shipped.keySet());
    java.util.Set<String> extra = new java.util.TreeSet<>(shipped.keySet());
    extra.removeAll(expected.keySet());
    assertTrue(
        missing.isEmpty() && extra.isEmpty(),
        "missing "
            + missing
            + ", not from Datafaker "
            + extra
            + ": replace "
            + SHIPPED.toAbsolutePath()
            + " with the files in "
            + written);
    expected.forEach(
        (file, text) ->
            assertEquals(
                text,
                shipped.get(file),
                file + ": replace " + SHIPPED.toAbsolutePath() + " with the files in " + written));
  }

  @Test
  void filesReadBackAsWritten() throws IOException {
    StringBuilder text = new StringBuilder();
    ShippedDictionaries.write(
        text, "a.words", List.of("plain", "back\\slash", "two\nlines", "cr\r"));
    ShippedDictionaries.write(text, "a.text", "#{a.words} and\\n more");
    Map<String, Object> read;
    try (InputStream in =
        new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8))) {
      read = ShippedDictionaries.parse(in);
    }
    assertEquals(
        Map.of(
            "a.words",
            List.of("plain", "back\\slash", "two\nlines", "cr\r"),
            "a.text",
            "#{a.words} and\\n more"),
        read);
  }

  @Test
  void shippedEntriesAreUsedAndOthersAreNot() {
    Object names = ShippedDictionaries.entry(Locale.ENGLISH, "name", "female_first_name");
    assertTrue(names instanceof List<?> l && l.contains("Abigail"), String.valueOf(names));
    assertEquals(
        null,
        ShippedDictionaries.entry(Locale.forLanguageTag("pt-BR"), "name", "female_first_name"));
    assertEquals(null, ShippedDictionaries.entry(Locale.ENGLISH, "no_such_provider", "x"));
  }
}
