package dev.syngen.core.generate.faker;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.Params;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;
import net.datafaker.providers.base.AbstractProvider;

/**
 * Datafaker's provider catalogue, read from its {@link Faker} class: every provider (the class a
 * {@code Faker} method returns) and its text methods, by the snake-case names scenarios use ({@code
 * commerce.product_name} for {@code #{Commerce.productName}}).
 */
public final class FakerCatalogue {
  /** A provider: its class name as expressions spell it, and its methods by snake-case name. */
  public record Provider(String name, Map<String, String> methods) {}

  private static final Pattern DIRECTIVE = Pattern.compile("#\\{([^}']*(?:'[^']*'[^}']*)*)}");
  private static final Pattern CALL =
      Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\.([A-Za-z][A-Za-z0-9_]*)");
  private static final Pattern FUNCTION =
      Pattern.compile("(numerify|letterify|bothify|regexify)\\s+'[^']*'");

  private static final int MAX_EXPRESSION = 2000;

  private static final class Holder {
    static final Map<String, Provider> PROVIDERS = read();
  }

  private FakerCatalogue() {}

  /** Providers by snake-case name, sorted. */
  public static Map<String, Provider> providers() {
    return Holder.PROVIDERS;
  }

  private static Map<String, Provider> read() {
    Map<String, Provider> out = new TreeMap<>();
    for (Method m : Faker.class.getMethods()) {
      Class<?> type = m.getReturnType();
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !AbstractProvider.class.isAssignableFrom(type)) {
        continue;
      }
      Map<String, String> methods = new TreeMap<>();
      for (Method pm : type.getMethods()) {
        if (pm.getParameterCount() == 0
            && pm.getReturnType() == String.class
            && !Modifier.isStatic(pm.getModifiers())
            && AbstractProvider.class.isAssignableFrom(pm.getDeclaringClass())
            && pm.getDeclaringClass() != AbstractProvider.class) {
          methods.put(FakerCompiler.snake(pm.getName()), pm.getName());
        }
      }
      if (!methods.isEmpty()) {
        out.put(
            FakerCompiler.snake(type.getSimpleName()),
            new Provider(type.getSimpleName(), Collections.unmodifiableMap(methods)));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The expression a {@code faker} generator's params ask for ({@code provider} or {@code
   * expression}), checked against the catalogue; records problems and returns null if invalid.
   */
  public static String expression(Params p) {
    boolean byName = p.has("provider");
    boolean byExpression = p.has("expression");
    if (byName == byExpression) {
      p.problem(
          byName ? "expression" : "provider",
          byName ? "is set together with provider" : "is missing",
          "set either provider: commerce.product_name or expression: \"#{Commerce.productName}\"");
      return null;
    }
    if (byName) {
      String name = p.string("provider", "commerce.product_name");
      return name == null ? null : byName(p, name.trim());
    }
    String expression = p.string("expression", "\"#{Commerce.productName}\"");
    if (expression != null && expression.length() > MAX_EXPRESSION) {
      p.problem(
          "expression",
          "is " + expression.length() + " characters long",
          "keep it under " + MAX_EXPRESSION + " characters, or split it into columns");
      return null;
    }
    return expression == null || !checked(p, expression) ? null : expression;
  }

  /** {@code commerce.product_name} → {@code #{Commerce.productName}}. */
  private static String byName(Params p, String name) {
    int dot = name.indexOf('.');
    String provider = dot < 0 ? name : name.substring(0, dot);
    Provider found = provider(p, "provider", FakerCompiler.snake(provider));
    if (found == null) {
      return null;
    }
    if (dot < 0) {
      p.problem(
          "provider",
          "'" + name + "' names no method",
          "write e.g. " + provider + "." + found.methods().keySet().iterator().next());
      return null;
    }
    String method = method(p, "provider", found, name.substring(dot + 1));
    return method == null ? null : "#{" + found.name() + "." + method + "}";
  }

  private static boolean checked(Params p, String expression) {
    Matcher m = DIRECTIVE.matcher(expression);
    boolean any = false;
    boolean ok = true;
    while (m.find()) {
      any = true;
      String d = m.group(1).trim();
      Matcher call = CALL.matcher(d);
      if (call.matches()) {
        Provider found = provider(p, "expression", FakerCompiler.snake(call.group(1)));
        ok &= found != null && method(p, "expression", found, call.group(2)) != null;
      } else if (!FUNCTION.matcher(d).matches()) {
        p.problem(
            "expression",
            "'#{"
                + d
                + "}' is neither Provider.method nor numerify/letterify/bothify/regexify 'text'",
            "write e.g. #{Name.firstName} or #{numerify '###'}");
        ok = false;
      }
    }
    if (!any) {
      p.problem("expression", "has no #{...} reference", "write e.g. \"#{Commerce.productName}\"");
    }
    return any && ok;
  }

  private static Provider provider(Params p, String param, String snake) {
    Provider found = providers().get(snake);
    if (found == null) {
      p.problem(
          param,
          "'" + snake + "' is not a Datafaker provider" + hint(snake, providers().keySet()),
          "run syngen generators --faker for the list");
    }
    return found;
  }

  private static String method(Params p, String param, Provider provider, String name) {
    String snake = FakerCompiler.snake(name);
    String method = provider.methods().get(snake);
    if (method == null) {
      p.problem(
          param,
          "'"
              + provider.name()
              + "' has no method '"
              + name
              + "'"
              + hint(snake, provider.methods().keySet()),
          "run syngen generators --faker for "
              + FakerCompiler.snake(provider.name())
              + "'s methods");
    }
    return method;
  }

  private static String hint(String name, java.util.Collection<String> known) {
    Optional<String> c = GeneratorRegistry.closest(name, known);
    return c.map(n -> "; did you mean '" + n + "'?").orElse("");
  }

  /** Every provider method as {@code provider.method}, sorted, for listings. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    providers().forEach((k, v) -> v.methods().keySet().forEach(m -> out.add(k + "." + m)));
    return out;
  }
}
