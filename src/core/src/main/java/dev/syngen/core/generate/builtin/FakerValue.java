package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.faker.FakerCatalogue;
import dev.syngen.core.generate.faker.FakerCompiler;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ValueKind;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * Realistic text from Datafaker's dictionaries (names, cities, companies, …). The expression is
 * compiled once ({@link FakerCompiler}) into picks and patterns evaluated from the cell's own
 * random bits; what cannot be compiled is left to Datafaker, whose Faker is reseeded from the
 * cell's bits for every cell. Either way a value is a pure function of (seed, entity, column, row).
 */
public final class FakerValue implements Generator {
  /** Per thread, one Faker (and its Random) per locale, for the Datafaker fallback. */
  private static final ThreadLocal<Map<Locale, SeededFaker>> FAKERS =
      ThreadLocal.withInitial(HashMap::new);

  private record SeededFaker(Random random, Faker faker) {}

  /**
   * The {@code faker_*} generators, aliases of {@code faker} with a fixed expression: scenario
   * name, what it produces, the expression, and the Datafaker call used when it is not compiled.
   */
  public static final List<GeneratorFactory> FACTORIES =
      List.of(
          alias("faker_name", "a full person name", "#{Name.name}", f -> f.name().fullName()),
          alias("faker_first_name", "a first name", "#{Name.firstName}", f -> f.name().firstName()),
          alias("faker_last_name", "a last name", "#{Name.lastName}", f -> f.name().lastName()),
          alias(
              "faker_email",
              "an e-mail address",
              "#{Internet.emailAddress}",
              f -> f.internet().emailAddress()),
          alias(
              "faker_username",
              "a user name",
              "#{Internet.username}",
              f -> f.internet().username()),
          alias(
              "faker_phone",
              "a phone number",
              "#{PhoneNumber.phoneNumber}",
              f -> f.phoneNumber().phoneNumber()),
          alias("faker_company", "a company name", "#{Company.name}", f -> f.company().name()),
          alias(
              "faker_street_address",
              "a street address",
              "#{Address.streetAddress}",
              f -> f.address().streetAddress()),
          alias("faker_city", "a city name", "#{Address.city}", f -> f.address().city()),
          alias(
              "faker_country", "a country name", "#{Address.country}", f -> f.address().country()),
          alias(
              "faker_country_code",
              "an ISO country code",
              "#{Address.countryCode}",
              f -> f.address().countryCode()),
          alias(
              "faker_ip_v4",
              "an IPv4 address",
              "#{Internet.ipV4Address}",
              f -> f.internet().ipV4Address()),
          alias("faker_url", "a URL", "#{Internet.url}", f -> f.internet().url()),
          alias(
              "faker_sentence",
              "a lorem-ipsum sentence",
              "#{Lorem.sentence}",
              f -> f.lorem().sentence()),
          alias(
              "faker_paragraph",
              "a lorem-ipsum paragraph",
              "#{Lorem.paragraph}",
              f -> f.lorem().paragraph()),
          alias(
              "faker_device_name",
              "a device name (model and serial suffix)",
              "#{Device.modelName}-#{regexify '[A-Z0-9]{6}'}",
              f -> f.device().modelName() + "-" + f.regexify("[A-Z0-9]{6}")));

  /**
   * {@code faker}: any Datafaker provider, by expression ({@code expression:
   * "#{Commerce.productName} #{numerify '##'}"}) or by name ({@code provider:
   * commerce.product_name}).
   */
  public static final GeneratorFactory GENERIC =
      GeneratorFactory.of(
          "faker",
          "any Datafaker provider (syngen generators --faker lists them); params: provider"
              + " (e.g. commerce.product_name) or expression (e.g. \"#{Commerce.productName}\"),"
              + " locale (optional, default en)",
          FakerValue::generic);

  private final Locale locale;
  private final FakerCompiler.Result compiled;
  private final Function<Faker, String> fallback;

  private FakerValue(
      Locale locale, FakerCompiler.Result compiled, Function<Faker, String> fallback) {
    this.locale = locale;
    this.compiled = compiled;
    this.fallback = fallback;
  }

  private static GeneratorFactory alias(
      String name, String what, String expression, Function<Faker, String> fallback) {
    return GeneratorFactory.of(
        name,
        what + " (Datafaker " + expression + "); params: locale (optional, default en)",
        ctx -> {
          Locale locale = locale(ctx.params());
          return locale == null ? null : create(locale, expression, fallback);
        });
  }

  private static Generator generic(GeneratorContext ctx) {
    Params p = ctx.params();
    Locale locale = locale(p);
    String expression = FakerCatalogue.expression(p);
    if (locale == null || expression == null) {
      return null;
    }
    FakerValue g = create(locale, expression, f -> f.expression(expression));
    if (!g.compiled()) {
      try {
        g.stringAt(ctx.key(), 0); // Datafaker's own failures surface now, not mid-run
      } catch (RuntimeException e) {
        p.problem(
            p.has("provider") ? "provider" : "expression",
            "Datafaker cannot evaluate " + expression + ": " + e.getMessage(),
            "pick another method (syngen generators --faker)");
        return null;
      }
    }
    return g;
  }

  private static FakerValue create(
      Locale locale, String expression, Function<Faker, String> fallback) {
    FakerCompiler.Result r = FakerCompiler.compile(expression, locale);
    return new FakerValue(locale, r.compiled() ? r : null, fallback);
  }

  private static Locale locale(Params p) {
    String tag = p.string("locale", "de", "en");
    Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
    if (locale.getLanguage().isEmpty()) {
      p.problem("locale", "'" + tag + "' is not a language tag", "use e.g. en, de, fr, ja");
      return null;
    }
    return locale;
  }

  /** True when values come from the compiled tree, false when from Datafaker itself. */
  public boolean compiled() {
    return compiled != null;
  }

  @Override
  public boolean plainText() {
    return compiled != null && compiled.plainText();
  }

  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public String stringAt(long key, long row) {
    if (compiled != null) {
      return compiled.valueAt(key, row);
    }
    SeededFaker f = FAKERS.get().computeIfAbsent(locale, FakerValue::newFaker);
    f.random().setSeed(CellRandom.bits(key, row, 0));
    return fallback.apply(f.faker());
  }

  private static SeededFaker newFaker(Locale locale) {
    Random random = new Random(0);
    return new SeededFaker(random, new Faker(locale, random));
  }
}
