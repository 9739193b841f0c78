package dev.syngen.cli;

import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.profile.ScenarioDraft;
import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.RowsPerParent;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.io.yaml.JsonSchemaFiles;
import dev.syngen.io.yaml.ScenarioFiles;
import dev.syngen.io.yaml.YamlWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code syngen scenario list|show|validate|from-profile|from-json-schema|from-db}. */
@Command(
    name = "scenario",
    description = "List, show and validate scenarios.",
    mixinStandardHelpOptions = true,
    subcommands = {
      ScenarioCommand.FromDb.class,
      ScenarioCommand.FromJsonSchema.class,
      ScenarioCommand.FromProfile.class,
      ScenarioCommand.ListScenarios.class,
      ScenarioCommand.Show.class,
      ScenarioCommand.Validate.class
    })
final class ScenarioCommand {
  @ParentCommand SyngenCommand root;

  /** {@code scenario list}. */
  @Command(name = "list", description = "List the scenarios in the scenarios directory.")
  static final class ListScenarios implements Callable<Integer> {
    @ParentCommand ScenarioCommand parent;
    @Spec CommandSpec spec;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      Workspace ws = new Workspace(parent.root);
      List<Map<String, Object>> items = new ArrayList<>();
      for (Path f : ws.scenarios.files()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", f.getFileName().toString());
        try {
          Scenario s = ScenarioFiles.read(f);
          m.put("id", s.id());
          m.put("name", s.name());
          m.put("version", s.version());
          m.put("entities", s.entities().size());
          m.put("rows", s.entities().stream().mapToLong(Entity::rows).sum());
          CompiledPlan plan =
              ws.compiler.compile(s, RunOverrides.NONE.withSeed(s.seed() == null ? 0L : s.seed()));
          m.put("rows", plan.totalRows());
          m.put("valid", true);
        } catch (ValidationException e) {
          m.put("valid", false);
          m.put("problems", e.problems().size());
        }
        items.add(m);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, items);
      } else if (items.isEmpty()) {
        out.println(
            "no scenarios in "
                + ws.scenarios.directory()
                + " (add a .yaml file; see docs/scenario-format.md)");
        out.flush();
      } else {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> m : items) {
          rows.add(
              List.of(
                  String.valueOf(m.getOrDefault("id", "?")),
                  String.valueOf(m.getOrDefault("name", "")),
                  String.valueOf(m.getOrDefault("version", "")),
                  String.valueOf(m.getOrDefault("entities", "")),
                  m.get("rows") == null ? "" : Output.count((Long) m.get("rows")),
                  Boolean.TRUE.equals(m.get("valid"))
                      ? "valid"
                      : "INVALID (" + m.get("problems") + " problems)"));
        }
        Output.table(out, List.of("ID", "NAME", "VERSION", "ENTITIES", "ROWS", "STATUS"), rows);
      }
      return 0;
    }
  }

  /** {@code scenario show}. */
  @Command(name = "show", description = "Show a scenario's entities and columns.")
  static final class Show implements Callable<Integer> {
    @ParentCommand ScenarioCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<id|path>")
    String id;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      Scenario s = new Workspace(parent.root).scenarios.load(id);
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, s);
        return 0;
      }
      out.printf("%s  %s  version %s  seed %s%n", s.id(), s.name(), s.version(), s.seed());
      if (!s.bands().isEmpty()) {
        out.println(
            "bands: "
                + String.join(
                    ", ", s.bands().stream().map(b -> b.name() + " ×" + b.scale()).toList()));
      }
      if (s.description() != null) {
        out.println(s.description());
      }
      for (Entity e : s.entities()) {
        out.printf("%n%s -> %s  (%s)%n", e.name(), e.targetTable(), size(e));
        List<List<String>> rows = new ArrayList<>();
        for (Column c : e.columns()) {
          rows.add(
              List.of(
                  "  " + c.name(),
                  c.type().yamlName(),
                  c.generator().type(),
                  c.generator().params().isEmpty() ? "" : c.generator().params().toString(),
                  c.nullable() ? "nullable " + c.nullRate() : ""));
        }
        Output.table(out, List.of("  COLUMN", "TYPE", "GENERATOR", "PARAMS", "NULLS"), rows);
      }
      out.flush();
      return 0;
    }
  }

  /** "1,000 rows", or how the rows follow a parent. */
  private static String size(Entity e) {
    RowsPerParent r = e.rowsPerParent();
    if (r == null) {
      return Output.count(e.rows()) + " rows";
    }
    String heavy =
        r.heavyCount() == null
            ? ""
            : ", "
                + r.heavyShare() * 100
                + "% heavy parents: "
                + r.heavyCount().type()
                + " "
                + r.heavyCount().params();
    return "per " + r.parent() + " row: " + r.count().type() + " " + r.count().params() + heavy;
  }

  /** {@code scenario validate}. */
  @Command(
      name = "validate",
      description = "Validate a scenario: report every problem with its path and fix.")
  static final class Validate implements Callable<Integer> {
    @ParentCommand ScenarioCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<id|path>")
    String id;

    @Override
    public Integer call() {
      Workspace ws = new Workspace(parent.root);
      Scenario s = ws.scenarios.load(id);
      CompiledPlan plan =
          ws.compiler.compile(s, RunOverrides.NONE.withSeed(s.seed() == null ? 0L : s.seed()));
      ws.checkExpectations(s, plan);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "scenario '%s' is valid: %d entities, %s rows%n",
          s.id(), plan.included().size(), Output.count(plan.totalRows()));
      plan.warnings().forEach(w -> out.println("  warning: " + w));
      out.flush();
      return 0;
    }
  }

  /** {@code scenario from-profile}. */
  @Command(
      name = "from-profile",
      description = "Draft a scenario that reproduces a profile written by `syngen profile --out`.")
  static final class FromProfile implements Callable<Integer> {
    @ParentCommand ScenarioCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<profile.json>")
    Path profileFile;

    @Option(names = "--id", description = "Scenario id (default: the table name).")
    String id;

    @Mixin DraftOutput draft;

    @Option(
        names = "--keep-clusters",
        description =
            "Draft the columns the profile's clusters span as mixtures, one component per"
                + " cluster, so the generated rows keep the clusters and their sizes.")
    boolean keepClusters;

    @Override
    public Integer call() throws java.io.IOException {
      TableProfile profile = ProfileCommand.read(profileFile);
      String scenarioId = id != null ? id : profile.table().replace('_', '-');
      String yaml = YamlWriter.write(ScenarioDraft.of(profile, scenarioId, keepClusters));
      Workspace ws = new Workspace(parent.root);
      Scenario s = ScenarioFiles.parse(yaml, scenarioId);
      CompiledPlan plan = ws.compiler.compile(s, RunOverrides.NONE.withSeed(1L));
      ws.checkExpectations(s, plan);
      PrintWriter out = spec.commandLine().getOut();
      if (draft.write(yaml, out)) {
        out.printf(
            "drafted scenario '%s' (%d columns, valid) written to %s%n",
            scenarioId, s.entities().get(0).columns().size(), draft.file);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code scenario from-json-schema}. */
  @Command(
      name = "from-json-schema",
      description =
          "Draft a scenario whose records validate against a JSON Schema (see docs/json-schema.md).")
  static final class FromJsonSchema implements Callable<Integer> {
    @ParentCommand ScenarioCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<schema.json>")
    Path schemaFile;

    @Option(
        names = "--entity",
        paramLabel = "NAME",
        description = "Entity name (default: the file name, e.g. order for order.schema.json).")
    String entity;

    @Option(
        names = "--count",
        defaultValue = "1000",
        paramLabel = "N",
        description = "Rows of the entity (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--id", description = "Scenario id (default: the entity name).")
    String id;

    @Mixin DraftOutput draft;

    @Override
    public Integer call() throws java.io.IOException {
      Object schema = JsonSchemaFiles.readFile(schemaFile);
      String name = entity != null ? entity : JsonSchemaFiles.entityName(schemaFile);
      if (count < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--count must be at least 1, got " + count);
      }
      String scenarioId = id != null ? id : name.replace('_', '-');
      dev.syngen.core.problem.Problems problems = new dev.syngen.core.problem.Problems();
      Map<String, Object> tree =
          dev.syngen.core.scenario.JsonSchemaDraft.scenario(
              schema, scenarioId, name, count, problems);
      problems.throwIfAny("JSON Schema " + schemaFile.getFileName());
      String yaml = YamlWriter.write(tree);
      Workspace ws = new Workspace(parent.root);
      Scenario s = ScenarioFiles.parse(yaml, scenarioId);
      ws.compiler.compile(s, RunOverrides.NONE.withSeed(1L));
      PrintWriter out = spec.commandLine().getOut();
      if (draft.write(yaml, out)) {
        out.printf(
            "drafted scenario '%s' (entity %s, %d columns, %s rows, valid) written to %s%n",
            scenarioId,
            name,
            s.entities().get(0).columns().size(),
            Output.count(count),
            draft.file);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code scenario from-db}. */
  @Command(
      name = "from-db",
      description =
          "Draft a scenario that fills an empty copy of an existing database schema"
              + " (PostgreSQL, SQLite, MariaDB/MySQL); see docs/from-database.md.")
  static final class FromDb implements Callable<Integer> {
    @ParentCommand ScenarioCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--target",
        required = true,
        paramLabel = "ID|DSN",
        description =
            "A configured target, or a DSN: postgres://…, mariadb://…, mysql://…, a .db file.")
    String target;

    @Option(
        names = "--target-kind",
        paramLabel = "KIND",
        description = "postgres, sqlite or mariadb when --target is a DSN of no clear kind.")
    String targetKind;

    @Option(names = "--schema", description = "Schema (PostgreSQL) or database (MariaDB).")
    String schemaName;

    @Option(
        names = "--include",
        split = ",",
        paramLabel = "T1,T2",
        description = "Only these tables.")
    List<String> include;

    @Option(
        names = "--exclude",
        split = ",",
        paramLabel = "T1,T2",
        description = "Leave these tables out.")
    List<String> exclude;

    @Option(
        names = "--sample",
        defaultValue = "20000",
        description = "Rows sampled per table (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(
        names = "--k",
        defaultValue = "10",
        description =
            "Copy a category value only if it occurs at least k times (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(
        names = "--on-unknown",
        defaultValue = "fail",
        paramLabel = "skip|fail|null",
        description =
            "Columns of types syngen cannot generate: leave out, stop (default), or write NULL.")
    String onUnknown;

    @Option(names = "--id", description = "Scenario id (default: the schema name).")
    String id;

    @Mixin DraftOutput draft;

    @Option(
        names = "--profile-out",
        paramLabel = "FILE",
        description =
            "Write the schema's profile (aggregates only) for fidelity --compare-profile.")
    Path profileOut;

    @Option(
        names = "--ddl-out",
        paramLabel = "FILE",
        description = "Write the DDL of an empty copy (keys, constraints, foreign keys).")
    Path ddlOut;

    @Option(
        names = "--copy-schema",
        paramLabel = "NAME",
        description = "The schema the DDL creates (default: <schema>_copy).")
    String copySchema;

    @Option(
        names = "--count-timeout",
        defaultValue = "30",
        paramLabel = "SECONDS",
        description =
            "How long count(*) may take per table before the catalogue's estimate is used.")
    int countTimeout;

    @Override
    public Integer call() throws java.io.IOException {
      Workspace ws = new Workspace(parent.root);
      dev.syngen.core.problem.Problems problems = new dev.syngen.core.problem.Problems();
      dev.syngen.core.schema.DraftRequest request =
          dev.syngen.core.schema.DraftRequest.of(
              schemaName, include, exclude, sample, k, onUnknown, id, copySchema, problems);
      if (countTimeout < 1 || countTimeout > 3600) {
        problems.add("count-timeout", "must be between 1 and 3600 seconds", "use e.g. 30");
      }
      problems.throwIfAny("scenario from-db");
      String kind;
      String dsn;
      String schema = request.schema();
      String inferred = dev.syngen.io.jdbc.SchemaReader.kindOf(target);
      if (targetKind != null || !inferred.isEmpty()) {
        kind = targetKind != null ? targetKind : inferred;
        dsn = target;
      } else {
        dev.syngen.core.sink.TargetProfile t = ws.target(target);
        kind = t.kind();
        dsn = t.dsn();
        if (schema == null && t.schema() != null && !t.schema().isBlank()) {
          schema = t.schema();
        }
      }
      if (dev.syngen.io.jdbc.SchemaReader.dialect(kind).isEmpty()) {
        throw new IllegalArgumentException(
            "--target is a "
                + kind
                + " target, which has no schema to read; use postgres, sqlite or mariadb");
      }
      if (schema != null && !schema.equals(request.schema())) {
        request =
            new dev.syngen.core.schema.DraftRequest(
                schema,
                request.include(),
                request.exclude(),
                request.sample(),
                request.k(),
                request.onUnknown(),
                request.id(),
                request.copySchema());
      }
      dev.syngen.io.DatabaseDraft.Result r =
          dev.syngen.io.DatabaseDraft.run(
              kind, dsn, request, java.time.Duration.ofSeconds(countTimeout));
      Scenario s = ScenarioFiles.parse(r.yaml(), r.id());
      CompiledPlan plan = ws.compiler.compile(s, RunOverrides.NONE.withSeed(1L));
      ws.checkExpectations(s, plan);
      PrintWriter out = spec.commandLine().getOut();
      if (profileOut != null) {
        java.nio.file.Files.writeString(
            profileOut,
            dev.syngen.io.history.FileRunRepository.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(r.profile()),
            java.nio.charset.StandardCharsets.UTF_8);
      }
      if (ddlOut != null) {
        java.nio.file.Files.writeString(
            ddlOut,
            dev.syngen.io.jdbc.CopyDdl.script(r.ddl()),
            java.nio.charset.StandardCharsets.UTF_8);
      }
      if (draft.write(r.yaml(), out)) {
        out.printf(
            "drafted scenario '%s' from %d tables of %s schema %s (valid, %s rows planned) to %s%n",
            r.id(),
            r.schema().tables().size(),
            r.schema().dialect(),
            r.schema().name(),
            Output.count(plan.totalRows()),
            draft.file);
        out.printf(
            "catalogue %d ms, sampling %d ms, drafting %d ms%n",
            r.readMillis(), r.sampleMillis(), r.draftMillis());
        r.notes().forEach(n -> out.println("  note: " + n));
        if (profileOut != null) {
          out.println("profile written to " + profileOut);
        }
        if (ddlOut != null) {
          out.println("DDL of the empty copy written to " + ddlOut);
        }
      }
      out.flush();
      return 0;
    }
  }
}
