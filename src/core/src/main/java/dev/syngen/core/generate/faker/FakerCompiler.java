package dev.syngen.core.generate.faker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import net.datafaker.Faker;

/**
 * Compiles a Datafaker expression ({@code "#{Name.name}"}, {@code "#{Address.city}, #{numerify
 * '##'}"}) for one locale into a {@link FakerNode} tree over Datafaker's own dictionaries.
 *
 * <p>Each reference {@code #{Provider.method}} is looked up as the dictionary key {@code
 * provider.method} (snake case) and compiled recursively: a list becomes a uniform pick, a text a
 * template of literal parts and references. A provider method may do more than read its key
 * (numerify a building number, join an e-mail), so every compiled reference is checked against what
 * Datafaker itself returns for it: {@value #SAMPLES} values drawn with a fixed seed must all be
 * values of the compiled tree, else the tree is tried with digits ({@code #}) and then digits and
 * letters ({@code ?}) filled in, else the reference is not compiled. Those checks ship with syngen
 * (see {@link Checked}); only references missing there are checked when a plan is compiled. An
 * expression with any reference that is not compiled is left to Datafaker (the fallback) and says
 * which.
 */
public final class FakerCompiler {
  static final int SAMPLES = 32;
  private static final int MAX_DEPTH = 16;
  private static final java.util.regex.Pattern DIRECTIVE =
      java.util.regex.Pattern.compile("#\\{([^}']*(?:'[^']*'[^}']*)*)}");
  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("(?:([A-Za-z][A-Za-z0-9]*)\\.)?([A-Za-z][A-Za-z0-9_]*)");
  private static final java.util.regex.Pattern FILL =
      java.util.regex.Pattern.compile("(numerify|letterify|bothify)\\s+'([^']*)'");

  /**
   * Compiled expressions by locale and text, shared by all plans (the dictionaries never change);
   * bounded, since scenarios (and so expressions) may come from any caller of a server.
   */
  private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();

  private static final int CACHE_LIMIT = 512;

  /**
   * An expression compiled for a locale: {@code node} is null when some reference could not be
   * compiled; {@code fallbacks} names those references.
   */
  public record Result(FakerNode node, List<String> fallbacks) {
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    public boolean compiled() {
      return node != null;
    }

    /**
     * The compiled value of row {@code row} in stream {@code key}; only when {@link #compiled()}.
     */
    public String valueAt(long key, long row) {
      Scratch s = SCRATCH.get();
      s.draws.reset(key, row);
      s.text.setLength(0);
      node.append(s.draws, s.text);
      return s.text.toString();
    }

    /** True if no value contains a comma, a quote or a line break (false when not compiled). */
    public boolean plainText() {
      return node != null && node.plainText();
    }
  }

  /** Per thread: the draws and text buffer of the cell being evaluated. */
  private static final class Scratch {
    final Draws draws = new Draws();
    final StringBuilder text = new StringBuilder(64);
  }

  /**
   * How a reference's dictionary entry becomes its values, as checked against Datafaker: as
   * written, with {@code #}/{@code Ø} filled with digits, with digits and {@code ?} letters, or not
   * at all (the method does more than read its entry: left to Datafaker).
   */
  public enum Fill {
    RAW,
    DIGITS,
    DIGITS_AND_LETTERS,
    DATAFAKER
  }

  /**
   * The checks already made, shipped with syngen ({@code references.properties}, kept current by
   * FakerReferenceTableTest): checking a reference against Datafaker at plan time costs Datafaker's
   * whole expression machinery (about a second on a cold JVM), so only references missing from it
   * are checked when a plan is compiled.
   */
  private static final class Checked {
    static final Map<String, Fill> TABLE = load();

    private static Map<String, Fill> load() {
      java.util.Properties p = new java.util.Properties();
      try (var in = FakerCompiler.class.getResourceAsStream("references.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Map<String, Fill> m = new java.util.HashMap<>();
      p.forEach((k, v) -> m.put((String) k, Fill.valueOf((String) v)));
      return m;
    }
  }

  private final Locale locale;
  private final boolean useTable;
  private final boolean useShipped;
  private Faker dictionary;
  private Faker reference;
  private final Map<String, FakerNode> references = new LinkedHashMap<>();
  private final Map<String, java.util.EnumSet<Fill>> checked = new LinkedHashMap<>();
  private final Map<String, Object> fetched = new java.util.TreeMap<>();
  private final List<String> fallbacks = new ArrayList<>();

  /**
   * {@code useTable}: take the shipped checks where they have the reference; {@code useShipped}:
   * read dictionary entries from {@link ShippedDictionaries} where they have them (Datafaker, and
   * its YAML, is only started for what they lack).
   */
  private FakerCompiler(Locale locale, boolean useTable, boolean useShipped) {
    this.locale = locale;
    this.useTable = useTable;
    this.useShipped = useShipped;
  }

  private Faker dictionary() {
    if (dictionary == null) {
      dictionary = new Faker(locale, new Random(0));
    }
    return dictionary;
  }

  private Faker reference() {
    if (reference == null) {
      reference = new Faker(locale, new Random(0x5EED));
    }
    return reference;
  }

  /** Compiles {@code expression} for {@code locale}, once per JVM. */
  public static Result compile(String expression, Locale locale) {
    String key = locale.toLanguageTag() + '\u0000' + expression;
    Result known = CACHE.get(key);
    if (known != null) {
      return known;
    }
    Result r = new FakerCompiler(locale, true, true).template(expression, null, 0);
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.putIfAbsent(key, r);
    }
    return r;
  }

  /**
   * Checks every reference that compiling {@code expression} reaches against Datafaker (ignoring
   * the shipped table): the fills each one's values pass with, by reference. For building the
   * table.
   */
  static Map<String, java.util.EnumSet<Fill>> check(String expression, Locale locale) {
    FakerCompiler c = new FakerCompiler(locale, false, false);
    c.template(expression, null, 0);
    return c.checked;
  }

  /**
   * The dictionary entries ({@code owner.key}, snake case) that compiling {@code expression} reads,
   * as Datafaker gives them for {@code locale}. For writing {@link ShippedDictionaries}.
   */
  static Map<String, Object> entries(String expression, Locale locale) {
    FakerCompiler c = new FakerCompiler(locale, true, false);
    c.template(expression, null, 0);
    return c.fetched;
  }

  private Result template(String expression, String provider, int depth) {
    FakerNode node = templateNode(expression, provider, depth);
    return new Result(fallbacks.isEmpty() ? node : null, List.copyOf(fallbacks));
  }

  private FakerNode templateNode(String text, String provider, int depth) {
    List<FakerNode> parts = new ArrayList<>();
    Matcher m = DIRECTIVE.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new FakerNode.Text(text.substring(at, m.start())));
      }
      FakerNode d = directive(m.group(1).trim(), provider, depth);
      if (d == null) {
        return null;
      }
      parts.add(d);
      at = m.end();
    }
    if (at < text.length()) {
      parts.add(new FakerNode.Text(text.substring(at)));
    }
    return parts.size() == 1 ? parts.get(0) : new FakerNode.Concat(parts.toArray(FakerNode[]::new));
  }

  private FakerNode directive(String directive, String provider, int depth) {
    Matcher fill = FILL.matcher(directive);
    if (fill.matches()) {
      String kind = fill.group(1);
      return new FakerNode.Pattern(
          fill.group(2), !kind.equals("letterify"), !kind.equals("numerify"));
    }
    Matcher ref = REFERENCE.matcher(directive);
    if (!ref.matches() || (ref.group(1) == null && provider == null) || depth > MAX_DEPTH) {
      fallbacks.add(directive);
      return null;
    }
    String owner = ref.group(1) != null ? ref.group(1) : provider;
    String qualified = owner + "." + ref.group(2);
    if (references.containsKey(qualified)) {
      FakerNode known = references.get(qualified);
      if (known == null) {
        fallbacks.add(qualified);
      }
      return known;
    }
    references.put(qualified, null); // a cycle reaching this reference again is not compiled
    FakerNode node = reference(qualified, snake(owner), snake(ref.group(2)), depth);
    references.put(qualified, node);
    if (node == null) {
      fallbacks.add(qualified);
    }
    return node;
  }

  /** Compiles the dictionary entry behind {@code Owner.method} and checks it against Datafaker. */
  private FakerNode reference(String qualified, String owner, String key, int depth) {
    Object raw = useShipped ? ShippedDictionaries.entry(locale, owner, key) : null;
    if (raw == null) {
      try {
        Faker d = dictionary();
        raw = d.fakeValuesService().fetchObject(owner + "." + key, d.getContext());
      } catch (RuntimeException e) {
        return null;
      }
      fetched.put(owner + "." + key, raw);
    }
    int before = fallbacks.size();
    FakerNode plain = value(raw, upperCamel(owner), depth + 1);
    if (plain == null || fallbacks.size() > before) {
      return null;
    }
    Fill known = useTable ? Checked.TABLE.get(qualified) : null;
    if (known != null) {
      return withFill(plain, known);
    }
    List<String> samples = samples("#{" + qualified + "}");
    java.util.EnumSet<Fill> passed = java.util.EnumSet.noneOf(Fill.class);
    for (Fill f : List.of(Fill.RAW, Fill.DIGITS, Fill.DIGITS_AND_LETTERS)) {
      FakerNode candidate = withFill(plain, f);
      if (samples != null && candidate != null && samples.stream().allMatch(candidate::matches)) {
        passed.add(f);
      }
    }
    checked.put(qualified, passed);
    return passed.isEmpty() ? null : withFill(plain, passed.iterator().next());
  }

  private static FakerNode withFill(FakerNode plain, Fill f) {
    return switch (f) {
      case RAW -> plain;
      case DIGITS -> fill(plain, true, false);
      case DIGITS_AND_LETTERS -> fill(plain, true, true);
      case DATAFAKER -> null;
    };
  }

  private FakerNode value(Object raw, String provider, int depth) {
    if (raw instanceof String s) {
      return templateNode(s, provider, depth);
    }
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    if (list.stream().allMatch(o -> o instanceof String s && !s.contains("#{"))) {
      return new FakerNode.PickText(list.stream().map(String.class::cast).toArray(String[]::new));
    }
    FakerNode[] options = new FakerNode[list.size()];
    for (int i = 0; i < options.length; i++) {
      if (!(list.get(i) instanceof String s)
          || (options[i] = templateNode(s, provider, depth)) == null) {
        return null;
      }
    }
    return new FakerNode.Pick(options);
  }

  /** The same words with Datafaker's numerify (digits) or bothify (digits and letters) applied. */
  private static FakerNode fill(FakerNode node, boolean digits, boolean letters) {
    if (node instanceof FakerNode.Text t) {
      return new FakerNode.Pattern(t.text(), digits, letters);
    }
    if (node instanceof FakerNode.PickText p) {
      FakerNode[] options = new FakerNode[p.words().length];
      for (int i = 0; i < options.length; i++) {
        options[i] = new FakerNode.Pattern(p.words()[i], digits, letters);
      }
      return new FakerNode.Pick(options);
    }
    return null;
  }

  private List<String> samples(String expression) {
    List<String> out = new ArrayList<>(SAMPLES);
    try {
      for (int i = 0; i < SAMPLES; i++) {
        out.add(reference().expression(expression));
      }
    } catch (RuntimeException e) {
      return null;
    }
    return out;
  }

  /** {@code firstName} → {@code first_name}, {@code PhoneNumber} → {@code phone_number}. */
  static String snake(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && name.charAt(i - 1) != '_') {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@code phone_number} → {@code PhoneNumber}. */
  static String upperCamel(String snake) {
    StringBuilder sb = new StringBuilder(snake.length());
    boolean up = true;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }
}
