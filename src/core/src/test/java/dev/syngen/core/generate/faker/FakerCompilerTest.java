package dev.syngen.core.generate.faker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiled faker values come from Datafaker's own dictionaries, for every supported locale: each
 * value is checked against a pattern this test builds from the raw dictionary entries (not from the
 * compiler's tree), and single-word dictionaries are covered whole.
 */
class FakerCompilerTest {
  private static final Pattern REF = Pattern.compile("#\\{([A-Za-z]+)\\.([A-Za-z_]+)}");

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "ja"})
  void compiledValuesComeFromDatafakersDictionaries(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    Faker faker = new Faker(locale, new Random(1));
    for (String[] c :
        new String[][] {
          {"#{Name.name}", "name.name"},
          {"#{Name.lastName}", "name.last_name"},
          {"#{Address.city}", "address.city"},
          {"#{Company.name}", "company.name"},
          {"#{Address.country}", "address.country"}
        }) {
      FakerCompiler.Result r = FakerCompiler.compile(c[0], locale);
      assertTrue(r.compiled(), tag + " " + c[0] + " fell back: " + r.fallbacks());
      Pattern allowed = Pattern.compile(regex(faker, c[1], 0));
      for (long row = 0; row < 2000; row++) {
        String v = r.valueAt(42, row);
        assertTrue(
            allowed.matcher(v).matches(), tag + " " + c[0] + ": '" + v + "' is not Datafaker's");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "ja"})
  void everyWordOfADictionaryIsDrawnAndNothingElse(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    Faker faker = new Faker(locale, new Random(1));
    Set<String> words = new HashSet<>(words(faker, "name.last_name"));
    FakerCompiler.Result r = FakerCompiler.compile("#{Name.lastName}", locale);
    Set<String> seen = new HashSet<>();
    for (long row = 0; row < 40L * words.size(); row++) {
      seen.add(r.valueAt(9, row));
    }
    assertEquals(words, seen, tag + ": the draws must cover exactly the dictionary");
  }

  @Test
  void valuesArePureFunctionsOfKeyAndRow() {
    FakerCompiler.Result r = FakerCompiler.compile("#{Name.name}", Locale.GERMAN);
    List<String> a = values(r, 5);
    assertEquals(a, values(r, 5), "same key and rows, same values");
    assertNotEquals(a, values(r, 6), "another column's key, other values");
    assertEquals(r.valueAt(5, 17), a.get(17), "row 17 alone equals row 17 in sequence");
  }

  @Test
  void numberPatternsAreFilledLikeDatafakersNumerify() {
    FakerCompiler.Result r =
        FakerCompiler.compile("#{Address.streetAddress} #{numerify 'Ø##'}", Locale.GERMAN);
    assertTrue(r.compiled(), "fell back: " + r.fallbacks());
    for (long row = 0; row < 500; row++) {
      String v = r.valueAt(3, row);
      assertTrue(v.matches(".+ \\d+[a-c]? [1-9]\\d\\d"), v);
    }
  }

  @Test
  void methodsWithTheirOwnLogicAreLeftToDatafakerAndNamed() {
    FakerCompiler.Result r = FakerCompiler.compile("#{Internet.emailAddress}", Locale.ENGLISH);
    assertFalse(r.compiled());
    assertEquals(List.of("Internet.emailAddress"), r.fallbacks());
    FakerCompiler.Result mixed =
        FakerCompiler.compile("#{Name.firstName} #{Commerce.productName}", Locale.ENGLISH);
    assertFalse(mixed.compiled(), "one reference left to Datafaker leaves the whole expression");
    assertEquals(List.of("Commerce.productName"), mixed.fallbacks());
  }

  @Test
  void plainTextIsKnownPerExpression() {
    assertTrue(FakerCompiler.compile("#{Name.lastName}", Locale.ENGLISH).plainText());
    assertFalse(
        FakerCompiler.compile("#{Company.name}", Locale.ENGLISH).plainText(),
        "'Kling, Stokes and Berge' needs CSV quotes");
  }

  @Test
  void catalogueHasDatafakersProviders() {
    assertEquals(
        "productName", FakerCatalogue.providers().get("commerce").methods().get("product_name"));
    assertEquals("PhoneNumber", FakerCatalogue.providers().get("phone_number").name());
    assertTrue(FakerCatalogue.names().size() > 500, "hundreds of provider methods");
  }

  private static List<String> values(FakerCompiler.Result r, long key) {
    return java.util.stream.LongStream.range(0, 200).mapToObj(row -> r.valueAt(key, row)).toList();
  }

  private static List<String> words(Faker faker, String key) {
    Object raw = faker.fakeValuesService().fetchObject(key, faker.getContext());
    return raw instanceof List<?> l
        ? l.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(raw));
  }

  /**
   * A regex of every value a dictionary key can produce, expanding #{Provider.method} references.
   */
  private static String regex(Faker faker, String key, int depth) {
    assertTrue(depth < 10, "references too deep at " + key);
    return words(faker, key).stream()
        .map(entry -> template(faker, entry, key.substring(0, key.indexOf('.')), depth))
        .collect(Collectors.joining("|", "(?:", ")"));
  }

  private static String template(Faker faker, String entry, String provider, int depth) {
    StringBuilder sb = new StringBuilder();
    Matcher m = REF.matcher(entry);
    int at = 0;
    while (m.find()) {
      sb.append(Pattern.quote(entry.substring(at, m.start())));
      String owner = FakerCompiler.snake(m.group(1));
      sb.append(regex(faker, owner + "." + FakerCompiler.snake(m.group(2)), depth + 1));
      at = m.end();
    }
    return sb.append(Pattern.quote(entry.substring(at))).toString();
  }
}
