package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
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
 * Realistic text from Datafaker (names, cities, e-mails, …). Each cell reseeds a thread-confined
 * Faker from the cell's own random bits, so values are pure functions of (seed, entity, column,
 * row) and never depend on a global or on the order rows are generated in.
 */
public final class FakerValue implements Generator {
  /** Per thread, one Faker (and its Random) per locale; reseeded for every cell. */
  private static final ThreadLocal<Map<Locale, SeededFaker>> FAKERS =
      ThreadLocal.withInitial(HashMap::new);

  private record SeededFaker(Random random, Faker faker) {}

  /** The built-in faker generators: scenario name, what it produces, and the Datafaker call. */
  public static final List<GeneratorFactory> FACTORIES =
      List.of(
          factory("faker_name", "a full person name", f -> f.name().fullName()),
          factory("faker_first_name", "a first name", f -> f.name().firstName()),
          factory("faker_last_name", "a last name", f -> f.name().lastName()),
          factory("faker_email", "an e-mail address", f -> f.internet().emailAddress()),
          factory("faker_username", "a user name", f -> f.internet().username()),
          factory("faker_phone", "a phone number", f -> f.phoneNumber().phoneNumber()),
          factory("faker_company", "a company name", f -> f.company().name()),
          factory("faker_street_address", "a street address", f -> f.address().streetAddress()),
          factory("faker_city", "a city name", f -> f.address().city()),
          factory("faker_country", "a country name", f -> f.address().country()),
          factory("faker_country_code", "an ISO country code", f -> f.address().countryCode()),
          factory("faker_ip_v4", "an IPv4 address", f -> f.internet().ipV4Address()),
          factory("faker_url", "a URL", f -> f.internet().url()),
          factory("faker_sentence", "a lorem-ipsum sentence", f -> f.lorem().sentence()),
          factory("faker_paragraph", "a lorem-ipsum paragraph", f -> f.lorem().paragraph()),
          factory(
              "faker_device_name",
              "a device name (model and serial suffix)",
              f -> f.device().modelName() + "-" + f.regexify("[A-Z0-9]{6}")));

  private final Locale locale;
  private final Function<Faker, String> value;

  private FakerValue(Locale locale, Function<Faker, String> value) {
    this.locale = locale;
    this.value = value;
  }

  private static GeneratorFactory factory(String name, String what, Function<Faker, String> fn) {
    return GeneratorFactory.of(
        name,
        what + " (Datafaker); params: locale (optional, default en)",
        ctx -> {
          Params p = ctx.params();
          String tag = p.string("locale", "de", "en");
          Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
          if (locale.getLanguage().isEmpty()) {
            p.problem("locale", "'" + tag + "' is not a language tag", "use e.g. en, de, fr");
            return null;
          }
          return new FakerValue(locale, fn);
        });
  }

  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public String stringAt(long key, long row) {
    SeededFaker f = FAKERS.get().computeIfAbsent(locale, FakerValue::newFaker);
    f.random().setSeed(CellRandom.bits(key, row, 0));
    return value.apply(f.faker());
  }

  private static SeededFaker newFaker(Locale locale) {
    Random random = new Random(0);
    return new SeededFaker(random, new Faker(locale, random));
  }
}
