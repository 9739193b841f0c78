package dev.syngen.io.message;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.RunContext;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination name template (topic, subject, queue): {@code {entity}}, {@code {table}}, {@code
 * {scenario}} and {@code {run}} are replaced per entity; text without placeholders names one
 * destination for every entity.
 */
public final class Destinations {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Set<String> KNOWN = Set.of("entity", "table", "scenario", "run");

  private final String template;

  public Destinations(String template) {
    this.template = template;
  }

  /** Null when the template is usable, else what is wrong with it. */
  public static String check(String template) {
    if (template == null || template.isBlank()) {
      return "is empty";
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        return "has unknown placeholder {" + m.group(1) + "}";
      }
    }
    return null;
  }

  public String of(CompiledEntity entity, RunContext run) {
    return template
        .replace("{entity}", entity.name())
        .replace("{table}", entity.table())
        .replace("{scenario}", run.scenarioId())
        .replace("{run}", run.runId());
  }
}
