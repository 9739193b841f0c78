package dev.syngen.core.generate.faker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Datafaker dictionary entries that compiled faker values read, shipped with syngen as they are
 * in Datafaker's YAML for the locales {@link #LOCALES}: one small resource per locale and provider
 * ({@code dictionaries/en/name.txt}), read when a plan first needs it. Loading Datafaker's YAML
 * cost about a CPU-second per run; these files hold only the entries compiling the catalogue's
 * methods reaches. An entry not shipped (another locale, a provider method outside the catalogue)
 * is read from Datafaker as before. {@code FakerDictionaryTableTest} writes them and checks that
 * they equal what Datafaker gives, so a Datafaker upgrade that changes a word fails the build.
 *
 * <p>Format, UTF-8: an entry is a line {@code key<TAB>n} followed by its n words, one a line, or
 * {@code key<TAB>-1} followed by one text; a backslash, line feed or carriage return in a word is
 * written {@code \\}, {@code \n}, {@code \r}.
 */
final class ShippedDictionaries {
  /** The locales whose entries ship, by language tag. */
  static final List<String> LOCALES = List.of("en", "de", "fr", "ja");

  /** Most files kept: the shipped ones all fit (554), and only shipped ones are kept. */
  private static final int MAX_FILES = 1024;

  private static final Map<String, Map<String, Object>> FILES = new ConcurrentHashMap<>();

  private ShippedDictionaries() {}

  /**
   * The entry {@code owner.key} (snake case) for {@code locale}: a String, a List of Strings, or
   * null when it is not shipped.
   */
  static Object entry(Locale locale, String owner, String key) {
    String tag = locale.toLanguageTag();
    if (!LOCALES.contains(tag)) {
      return null;
    }
    String file = tag + "/" + owner;
    Map<String, Object> entries = FILES.get(file);
    if (entries == null) {
      entries = read(file);
      // only files that exist: provider names come from scenarios, and made-up ones take no place
      if (!entries.isEmpty() && FILES.size() < MAX_FILES) {
        FILES.putIfAbsent(file, entries);
      }
    }
    return entries.get(owner + "." + key);
  }

  /** The resource's path below this package, for a locale tag and provider. */
  static String resource(String tag, String owner) {
    return "dictionaries/" + tag + "/" + owner + ".txt";
  }

  private static Map<String, Object> read(String file) {
    int slash = file.indexOf('/');
    try (InputStream in =
        ShippedDictionaries.class.getResourceAsStream(
            resource(file.substring(0, slash), file.substring(slash + 1)))) {
      return in == null ? Map.of() : parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> parse(InputStream in) throws IOException {
    Map<String, Object> entries = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String head = r.readLine(); head != null; head = r.readLine()) {
      int tab = head.lastIndexOf('\t');
      String key = head.substring(0, tab);
      int n = Integer.parseInt(head.substring(tab + 1));
      if (n < 0) {
        entries.put(key, unescape(r.readLine()));
      } else {
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          words.add(unescape(r.readLine()));
        }
        entries.put(key, List.copyOf(words));
      }
    }
    return entries;
  }

  /** One entry in the format above (for writing the files). */
  static void write(StringBuilder out, String key, Object value) {
    out.append(key).append('\t');
    if (value instanceof String s) {
      out.append("-1\n");
      escape(out, s);
    } else {
      List<?> words = (List<?>) value;
      out.append(words.size()).append('\n');
      for (Object w : words) {
        escape(out, (String) w);
      }
    }
  }

  /** True for what the files can hold: a text, or a list of texts. */
  static boolean shippable(Object value) {
    return value instanceof String
        || value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
  }

  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    out.append('\n');
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
