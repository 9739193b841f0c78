package dev.syngen.core.schema;

import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to draft from a database, checked once for the CLI, REST and console alike: the schema (null
 * for the target's default), the tables to include or exclude, the sample size, k, what to do with
 * unknown types, the scenario id and the schema name the copy's DDL creates.
 */
public record DraftRequest(
    String schema,
    List<String> include,
    List<String> exclude,
    int sample,
    int k,
    SchemaDrafter.OnUnknown onUnknown,
    String id,
    String copySchema) {
  public static final int MIN_SAMPLE = 100;
  public static final int MAX_SAMPLE = 1_000_000;
  public static final int MAX_TABLES = 500;

  public DraftRequest {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** A request from raw values, with every problem (field, what is wrong, fix) in {@code p}. */
  public static DraftRequest of(
      String schema,
      List<String> include,
      List<String> exclude,
      Integer sample,
      Integer k,
      String onUnknown,
      String id,
      String copySchema,
      Problems p) {
    if (schema != null && !schema.isBlank() && !Identifiers.isSafe(schema)) {
      p.add("schema", "'" + schema + "' is not a safe SQL identifier", Identifiers.RULE);
    }
    List<String> in = names(include, "include", p);
    List<String> out = names(exclude, "exclude", p);
    int n = sample == null ? 20_000 : sample;
    if (n < MIN_SAMPLE || n > MAX_SAMPLE) {
      p.add(
          "sample",
          "must be between " + MIN_SAMPLE + " and " + MAX_SAMPLE + ", got " + n,
          "use e.g. 20000 rows per table");
    }
    int kk = k == null ? 10 : k;
    if (kk < 2 || kk > 1_000_000) {
      p.add("k", "must be between 2 and 1000000, got " + kk, "use e.g. 10");
    }
    SchemaDrafter.OnUnknown u =
        onUnknown == null || onUnknown.isBlank()
            ? SchemaDrafter.OnUnknown.FAIL
            : SchemaDrafter.OnUnknown.parse(onUnknown).orElse(null);
    if (u == null) {
      p.add("on_unknown", "'" + onUnknown + "' is not a choice", "use skip, fail or null");
    }
    String scenarioId = id == null || id.isBlank() ? null : id.trim();
    if (scenarioId != null && !scenarioId.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      p.add(
          "id",
          "'" + scenarioId + "' is not a scenario id",
          "use lower-case letters, digits, '-' and '_', at most 64 characters");
    }
    if (copySchema != null && !copySchema.isBlank() && !Identifiers.isSafe(copySchema)) {
      p.add("copy_schema", "'" + copySchema + "' is not a safe SQL identifier", Identifiers.RULE);
    }
    return new DraftRequest(
        schema == null || schema.isBlank() ? null : schema,
        in,
        out,
        n,
        kk,
        u == null ? SchemaDrafter.OnUnknown.FAIL : u,
        scenarioId,
        copySchema == null || copySchema.isBlank() ? null : copySchema);
  }

  private static List<String> names(List<String> raw, String field, Problems p) {
    List<String> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    if (raw.size() > MAX_TABLES) {
      p.add(field, "names " + raw.size() + " tables", "name at most " + MAX_TABLES);
      return out;
    }
    for (String s : raw) {
      String t = s == null ? "" : s.trim();
      if (t.isEmpty()) {
        continue;
      }
      if (!Identifiers.isSafe(t)) {
        p.add(field, "'" + t + "' is not a safe table name", Identifiers.RULE);
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /** The scenario id: the one asked for, else the schema's name in scenario-id form. */
  public String idOr(String schemaName) {
    if (id != null) {
      return id;
    }
    String s = schemaName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    return s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) ? "copy-" + s : s;
  }
}
