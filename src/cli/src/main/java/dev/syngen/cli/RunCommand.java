package dev.syngen.cli;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.FanOutSink;
import dev.syngen.core.engine.RunCoordinator;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.engine.ShardCollector;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.Bands;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.plan.Shard;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.request.RunInput;
import dev.syngen.core.request.RunRequestReader;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.Rate;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.io.Targets;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syngen run start|collect|list|show}. {@code run} and {@code run start} are declared with
 * picocli's programmatic API, as {@link Specs} says why; {@code collect}, {@code list} and {@code
 * show} keep their annotations and are read only when the arguments name them or ask for help.
 */
final class RunCommand {
  SyngenCommand root;

  /**
   * {@code run} under {@code root}: with {@code start} alone when {@code words} (the subcommand
   * names the arguments give) are {@code run start}, with every subcommand otherwise.
   */
  static CommandSpec spec(SyngenCommand root, List<String> words) {
    RunCommand run = new RunCommand();
    run.root = root;
    CommandSpec spec =
        Specs.command(run, "run", "Start runs, inspect run history, collect shard runs.");
    spec.addSubcommand("start", new Start().spec(run));
    if (!words.equals(List.of("run", "start"))) {
      spec.addSubcommand("collect", CommandSpec.forAnnotatedObject(new Collect()));
      spec.addSubcommand("list", CommandSpec.forAnnotatedObject(new ListRuns()));
      spec.addSubcommand("show", CommandSpec.forAnnotatedObject(new Show()));
    }
    return spec;
  }

  /**
   * The flags of {@code run start} that shape the plan. They are read as text, as a form's fields
   * are, so that a bad value is the same problem here as in the REST API and the console.
   */
  static final class PlanOptions {
    String seed;
    String asOf;
    String scale;
    String band;
    Map<String, String> entityScales = new LinkedHashMap<>();
    Map<String, String> entityCounts = new LinkedHashMap<>();
    List<String> include = new ArrayList<>();
    List<String> exclude = new ArrayList<>();

    /** These flags, each optional. */
    @SuppressWarnings("unchecked")
    ArgGroupSpec group() {
      return ArgGroupSpec.builder()
          .exclusive(false)
          .addArg(
              Specs.text(
                  "--seed",
                  "N",
                  "Seed (default: the scenario's, else a new one, stored with the run).",
                  () -> seed,
                  v -> seed = (String) v))
          .addArg(
              Specs.text(
                  "--as-of",
                  "TIME",
                  "Anchor for relative times, ISO-8601 (default: scenario's, else now).",
                  () -> asOf,
                  v -> asOf = (String) v))
          .addArg(
              Specs.text(
                  "--scale",
                  "FACTOR",
                  "Multiply every entity's rows (e.g. 0.001).",
                  () -> scale,
                  v -> scale = (String) v))
          .addArg(
              Specs.text(
                  "--band",
                  "NAME",
                  "A size the scenario declares under bands (e.g. dev, staging, perf).",
                  () -> band,
                  v -> band = (String) v))
          .addArg(
              entries(
                  "--entity-scale",
                  "ENTITY=F",
                  "Multiply one entity's rows; repeatable.",
                  () -> entityScales,
                  v -> entityScales = (Map<String, String>) v))
          .addArg(
              entries(
                  "--entity-count",
                  "ENTITY=N",
                  "Exact rows for one entity; repeatable.",
                  () -> entityCounts,
                  v -> entityCounts = (Map<String, String>) v))
          .addArg(
              Specs.list(
                      "--include-entity",
                      "ENTITY",
                      "Run only these entities; repeatable.",
                      () -> include,
                      v -> include = (List<String>) v)
                  .build())
          .addArg(
              Specs.list(
                      "--exclude-entity",
                      "ENTITY",
                      "Skip these entities; repeatable.",
                      () -> exclude,
                      v -> exclude = (List<String>) v)
                  .build())
          .build();
    }

    /** A repeatable ENTITY=VALUE option, kept in order. */
    private static OptionSpec entries(
        String name,
        String label,
        String description,
        Supplier<Map<String, String>> get,
        Consumer<Object> set) {
      return Specs.option(name, Map.class, get, set)
          .auxiliaryTypes(String.class, String.class)
          .paramLabel(label)
          .description(description)
          .build();
    }

    /** The flags under the request's field names, leaving out those not given. */
    void into(Map<String, Object> tree) {
      put(tree, "seed", seed);
      put(tree, "as_of", asOf);
      put(tree, "scale", scale);
      put(tree, "band", band);
      put(tree, "entity_scales", entityScales.isEmpty() ? null : entityScales);
      put(tree, "entity_counts", entityCounts.isEmpty() ? null : entityCounts);
      put(tree, "include_entities", include.isEmpty() ? null : include);
      put(tree, "exclude_entities", exclude.isEmpty() ? null : exclude);
    }
  }

  static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  /** The most worker threads {@code --parallel} may ask for. */
  static final int MAX_PARALLEL = 256;

  /** The flag of each request field, for the problems' header. */
  private static final Map<String, String> FLAGS =
      Map.ofEntries(
          Map.entry("seed", "--seed"),
          Map.entry("as_of", "--as-of"),
          Map.entry("scale", "--scale"),
          Map.entry("band", "--band"),
          Map.entry("entity_scales", "--entity-scale"),
          Map.entry("entity_counts", "--entity-count"),
          Map.entry("include_entities", "--include-entity"),
          Map.entry("exclude_entities", "--exclude-entity"),
          Map.entry("mode", "--mode"),
          Map.entry("parallelism", "--parallel"),
          Map.entry("max_requests", "--max-requests"),
          Map.entry("max_cost", "--max-cost"),
          Map.entry("traffic.rate", "--rate"),
          Map.entry("traffic.duration", "--duration"),
          Map.entry("traffic.stream_entity", "--stream-entity"),
          Map.entry("traffic.mode", "--traffic"),
          Map.entry("traffic.burst_window", "--burst-window"),
          Map.entry("traffic.payload_size", "--payload-size"),
          Map.entry("traffic.payload_template", "--payload-template"),
          Map.entry("traffic.wall_clock", "--wall-clock"),
          Map.entry("traffic.speed", "--speed"));

  /**
   * Throws the problems found so far, if any, under a subject that names the flag of each path: the
   * paths are the request's fields, the same in every front end.
   */
  static void throwIfAny(Problems problems) {
    List<String> named =
        problems.list().stream()
            .map(p -> flagOf(p.path()))
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    problems.throwIfAny(
        "run request" + (named.isEmpty() ? "" : " (" + String.join(", ", named) + ")"));
  }

  /** {@code as_of is --as-of} for a path under a flag's field, else null. */
  private static String flagOf(String path) {
    String field = FLAGS.containsKey(path) ? path : path.split("[.\\[]", 2)[0];
    String flag = FLAGS.get(field);
    return flag == null ? null : field + " is " + flag;
  }

  /** Target profiles (several for a fan-out), or one kind plus a DSN or directory. */
  static final class TargetOptions {
    List<String> targets = new ArrayList<>();
    String kind;

    /** These flags; a run needs them. */
    @SuppressWarnings("unchecked")
    ArgGroupSpec group() {
      return ArgGroupSpec.builder()
          .exclusive(false)
          .multiplicity("1")
          .addArg(
              Specs.list(
                      "--target",
                      "ID|PATH|DSN",
                      "Target profile id or file; repeat it or use a comma list to write to several"
                          + " at once. With --target-kind, one DSN or directory.",
                      () -> targets,
                      v -> targets = (List<String>) v)
                  .required(true)
                  .build())
          .addArg(
              Specs.text(
                  "--target-kind",
                  "KIND",
                  "Inline target kind: sqlite, postgres, mariadb, csv, ndjson, kafka, nats, jms,"
                      + " http.",
                  () -> kind,
                  v -> kind = (String) v))
          .build();
    }

    List<TargetProfile> resolve(Workspace ws) {
      if (kind != null) {
        if (targets.size() != 1) {
          throw new IllegalArgumentException(
              "--target-kind takes exactly one --target (a DSN or directory); for several"
                  + " targets, use target profiles: --target a --target b");
        }
        return List.of(ws.inline(kind.toLowerCase(java.util.Locale.ROOT), targets.get(0)));
      }
      List<TargetProfile> all = new ArrayList<>();
      for (String value : targets) {
        for (String id : value.split(",")) {
          if (!id.isBlank()) {
            all.add(ws.target(id.trim()));
          }
        }
      }
      if (all.stream().map(TargetProfile::id).distinct().count() != all.size()) {
        throw new IllegalArgumentException("--target names the same target twice: " + targets);
      }
      return all;
    }
  }

  /** {@code run start}. */
  static final class Start implements Callable<Integer> {
    RunCommand parent;
    CommandSpec spec;
    String scenarioId;
    final TargetOptions targetOptions = new TargetOptions();
    final PlanOptions planOptions = new PlanOptions();
    final TrafficOptions trafficOptions = new TrafficOptions();
    String modeName;
    String shardText;
    String parallel;
    int batchSize;
    boolean planOnly;
    LlmService.Mode llmMode;
    String maxRequests;
    String maxCost;
    boolean quiet;
    final FormatOption output = new FormatOption();

    /** This command under {@code parent}, with its options. */
    CommandSpec spec(RunCommand parent) {
      this.parent = parent;
      spec = Specs.command(this, "start", "Generate a scenario into a target.");
      spec.addOption(
          Specs.option("--scenario", String.class, () -> scenarioId, v -> scenarioId = (String) v)
              .required(true)
              .paramLabel("ID|PATH")
              .description("Scenario id or file.")
              .build());
      spec.addArgGroup(targetOptions.group());
      spec.addArgGroup(planOptions.group());
      spec.addArgGroup(trafficOptions.group());
      spec.addOption(
          Specs.option("--mode", String.class, () -> modeName, v -> modeName = (String) v)
              .paramLabel("MODE")
              .defaultValue("create_if_missing")
              .description(
                  "create_if_missing (create), truncate_then_insert (truncate), append_only"
                      + " (append).")
              .build());
      spec.addOption(
          Specs.option("--shard", String.class, () -> shardText, v -> shardText = (String) v)
              .paramLabel("I/N")
              .defaultValue("${env:SYNGEN_SHARD}")
              .description(
                  "Write only shard I (0-based) of N of every entity's rows (env SYNGEN_SHARD, e.g."
                      + " $JOB_COMPLETION_INDEX/4); needs a fixed seed and as_of.")
              .build());
      spec.addOption(
          Specs.text(
              "--parallel",
              "N",
              "Worker threads, 1 to 256 (default: available cores).",
              () -> parallel,
              v -> parallel = (String) v));
      spec.addOption(
          Specs.option("--batch-size", int.class, () -> batchSize, v -> batchSize = (Integer) v)
              .paramLabel("N")
              .defaultValue("4096")
              .description("Rows per batch (default: ${DEFAULT-VALUE}).")
              .build());
      spec.addOption(
          Specs.option("--plan", boolean.class, () -> planOnly, v -> planOnly = (Boolean) v)
              .description("Show the plan and exit without writing anything.")
              .build());
      spec.addOption(
          Specs.option(
                  "--llm", LlmService.Mode.class, () -> llmMode, v -> llmMode = (LlmService.Mode) v)
              .paramLabel("MODE")
              .defaultValue("${env:SYNGEN_LLM_MODE:-online}")
              .description(
                  "online: llm_text columns may send requests; offline: cached answers only, a"
                      + " miss fails the run (env SYNGEN_LLM_MODE; default: ${DEFAULT-VALUE}).")
              .build());
      spec.addOption(
          Specs.text(
              "--max-requests",
              "N",
              "Send at most N LLM requests (retries included); a run whose plan needs more is"
                  + " refused before anything is sent.",
              () -> maxRequests,
              v -> maxRequests = (String) v));
      spec.addOption(
          Specs.text(
              "--max-cost",
              "COST",
              "Spend at most COST on LLM requests (in the providers' price currency); checked"
                  + " against the plan's estimate and before every request.",
              () -> maxCost,
              v -> maxCost = (String) v));
      spec.addOption(
          Specs.option("--quiet", boolean.class, () -> quiet, v -> quiet = (Boolean) v)
              .names("-q", "--quiet")
              .description("No progress output.")
              .build());
      spec.addOption(output.spec());
      return spec;
    }

    @Override
    public Integer call() {
      Map<String, Object> tree = new LinkedHashMap<>();
      planOptions.into(tree);
      put(tree, "mode", modeName);
      put(tree, "parallelism", parallel);
      put(tree, "max_requests", maxRequests);
      put(tree, "max_cost", maxCost);
      tree.put("traffic", trafficOptions.tree());
      Problems problems = new Problems();
      RunInput in = new RunRequestReader(MAX_PARALLEL).read(tree, problems);
      throwIfAny(problems);
      if (batchSize < 1 || batchSize > 1_000_000) {
        throw new IllegalArgumentException(
            "--batch-size must be between 1 and 1000000, got " + batchSize);
      }
      int threads =
          in.parallelism() == null ? Runtime.getRuntime().availableProcessors() : in.parallelism();
      TableMode mode = in.mode();
      TrafficRequest to = in.traffic();
      Workspace ws = new Workspace(parent.root, llmMode);
      ws.llmBudget(in.llmBudget());
      Scenario scenario = ws.scenarios.load(scenarioId);
      List<TargetProfile> targets = targetOptions.resolve(ws);
      CompiledPlan plan =
          ws.rules().plan(scenario, "", in.overrides(), in.band(), to, targets, problems);
      throwIfAny(problems);
      RunOverrides overrides = Bands.apply(scenario, in.band(), in.overrides());
      Shard shard = shard(shardText, scenario, overrides, mode, targets, to);
      PrintWriter out = spec.commandLine().getOut();
      boolean usesLlm = ws.usesLlm();
      if (planOnly) {
        printPlan(
            out,
            plan,
            shard,
            output.format,
            usesLlm ? LlmRunRecords.estimate(plan, ws.llm()) : null);
        return 0;
      }
      if (usesLlm) {
        // before anything is sent or written: a pool prompt rendering more than max_pools texts,
        // or an estimate over the run's caps, refuses the run here
        Map<Long, dev.syngen.core.llm.LlmEstimate> estimate = ws.llm().estimate();
        if (ws.llm().budget().capped()) {
          ws.llm().checkCaps(estimate);
        }
      }
      Map<String, Object> recorded = recorded(in.overrides(), planOptions);
      recorded.putAll(to.asMap());
      RunCoordinator coordinator = new RunCoordinator(ws.history, Clock.systemUTC());
      RunRecord pending =
          coordinator.pending(plan, targets, mode, threads, recorded, scenarioId, shard);
      RunContext context = to.context(plan, pending.id()).withShard(shard);
      RunListener progress =
          quiet || System.console() == null
              ? RunListener.NONE
              : new ProgressBar(
                  spec.commandLine().getErr(), pending.rowsPlanned(), to.parsedDuration());
      CancelToken cancel = new CancelToken();
      Thread hook = new Thread(cancel::cancel, "syngen-cancel");
      Runtime.getRuntime().addShutdownHook(hook);
      RunRecord done;
      try {
        done =
            coordinator.execute(
                pending,
                plan,
                open(ws, targets, context),
                mode,
                new RunEngine(threads, batchSize, to.traffic(plan)),
                progress,
                cancel);
      } finally {
        removeHook(hook);
      }
      if (progress instanceof ProgressBar bar) {
        bar.done();
      }
      java.util.Optional<Map<String, Object>> llmRecord =
          usesLlm ? LlmRunRecords.of(plan, ws.llm()) : java.util.Optional.empty();
      llmRecord.ifPresent(r -> LlmRunRecords.save(parent.root.historyDir, done.id(), r));
      if (output.json()) {
        printRun(out, done, output.format, llmRecord.orElse(null));
      } else {
        printRun(out, done, output.format);
        LlmUsageTable.print(out, plan, ws.llmUsage());
      }
      if (done.status() != RunStatus.SUCCESS) {
        spec.commandLine()
            .getErr()
            .println("run " + done.id() + " " + done.status().label() + ": " + done.error());
        spec.commandLine().getErr().flush();
        return SyngenCommand.EXIT_FAILED;
      }
      return 0;
    }
  }

  /** The overrides as the run records them: parsed values, as_of and band as written. */
  private static Map<String, Object> recorded(RunOverrides o, PlanOptions po) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "seed", o.seed());
    put(m, "as_of", po.asOf);
    put(m, "scale", o.scale());
    put(m, "band", po.band);
    put(m, "entity_scales", o.entityScales().isEmpty() ? null : o.entityScales());
    put(m, "entity_counts", o.entityCounts().isEmpty() ? null : o.entityCounts());
    put(m, "include_entities", o.includeEntities().isEmpty() ? null : o.includeEntities());
    put(m, "exclude_entities", o.excludeEntities().isEmpty() ? null : o.excludeEntities());
    return m;
  }

  /**
   * The shard {@code --shard} or {@code SYNGEN_SHARD} names, {@link Shard#WHOLE} without one;
   * throws with every reason the request cannot be a shard, before anything is written.
   */
  private static Shard shard(
      String text,
      Scenario scenario,
      RunOverrides overrides,
      TableMode mode,
      List<TargetProfile> targets,
      TrafficRequest traffic) {
    if (text == null || text.isBlank()) {
      return Shard.WHOLE;
    }
    Problems problems = new Problems();
    Shard shard = Shard.parse(text, "--shard (or SYNGEN_SHARD)", problems);
    boolean truncatesTables =
        mode == TableMode.TRUNCATE_THEN_INSERT
            && targets.stream().anyMatch(t -> Targets.TABLE_KINDS.contains(t.kind()));
    Rate rate = traffic.parsedRate();
    boolean timed =
        traffic.wallClock()
            || traffic.speed() != null
            || traffic.parsedDuration() != null
                && (rate == null || rate.unit() != Rate.Unit.RECORDS);
    Shard.checkRun(scenario, overrides, truncatesTables, timed, problems);
    problems.throwIfAny("--shard " + text.trim());
    return shard;
  }

  /** One target's sink, or a fan-out over all of them, each behind its own queue. */
  private static Sink open(Workspace ws, List<TargetProfile> targets, RunContext context) {
    if (targets.size() == 1) {
      return ws.sinks.open(targets.get(0), context);
    }
    List<FanOutSink.Target> opened = new ArrayList<>();
    try {
      for (TargetProfile t : targets) {
        opened.add(
            new FanOutSink.Target(
                "target '" + t.id() + "' (" + t.kind() + ")", ws.sinks.open(t, context)));
      }
    } catch (RuntimeException e) {
      opened.forEach(t -> t.sink().close());
      throw e;
    }
    return new FanOutSink(opened, FAN_OUT_QUEUE_DEPTH);
  }

  /** Batches each target may have queued before it holds back the others. */
  private static final int FAN_OUT_QUEUE_DEPTH = 4;

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook has done its job
    }
  }

  /** {@code run list}; a class with annotated fields, as {@link Start} says why. */
  @Command(name = "list", description = "List recorded runs, newest first.")
  static final class ListRuns implements Callable<Integer> {
    @ParentCommand RunCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--limit",
        defaultValue = "20",
        description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
        names = "--status",
        description = "Only runs with this status: pending, running, success, failed, cancelled.")
    String status;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw new IllegalArgumentException("--limit must be >= 1");
      }
      RunStatus st = null;
      if (status != null) {
        try {
          st = RunStatus.parse(status);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "--status '"
                  + status
                  + "' is unknown; use pending, running, success, failed or cancelled");
        }
      }
      List<RunRecord> runs = new Workspace(parent.root).history.list(limit, st);
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, runs);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (RunRecord r : runs) {
        rows.add(
            List.of(
                r.id(),
                r.status().label(),
                r.scenarioId(),
                r.targetId() + " (" + r.targetKind() + ")",
                Output.count(r.rowsWritten()),
                String.valueOf(r.seed()),
                r.createdAt().toString()));
      }
      Output.table(
          out, List.of("RUN", "STATUS", "SCENARIO", "TARGET", "ROWS", "SEED", "CREATED"), rows);
      return 0;
    }
  }

  /** {@code run show}. */
  @Command(
      name = "show",
      description = "Show one run: status, seed, as_of, config hash, per-entity stats, error.")
  static final class Show implements Callable<Integer> {
    @ParentCommand RunCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<run-id>")
    String id;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      SyngenCommand root = parent.root;
      RunRecord r =
          new Workspace(root)
              .history
              .find(id)
              .orElseThrow(
                  () -> new IllegalArgumentException("no run '" + id + "'; run `syngen run list`"));
      printRun(
          spec.commandLine().getOut(),
          r,
          output.format,
          LlmRunRecords.find(root.historyDir, r.id()).orElse(null));
      return 0;
    }
  }

  /** {@code run collect}. */
  @Command(
      name = "collect",
      description =
          "Record the shard runs of one sharded run (--shard I/N) as one run: checks that every"
              + " shard is there, succeeded and ran the same plan, and sums the rows.")
  static final class Collect implements Callable<Integer> {
    @ParentCommand RunCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--shard-runs",
        required = true,
        split = ",",
        paramLabel = "ID[,ID…]",
        description = "The run ids of all N shards, in any order; repeatable.")
    List<String> ids;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      Workspace ws = new Workspace(parent.root);
      Problems problems = new Problems();
      List<RunRecord> runs = new ArrayList<>();
      for (String id : ids) {
        ws.history
            .find(id.trim())
            .ifPresentOrElse(
                runs::add,
                () ->
                    problems.add(id, "no such run", "run `syngen run list` for the shard run ids"));
      }
      problems.throwIfAny("shard runs");
      RunCoordinator coordinator = new RunCoordinator(ws.history, Clock.systemUTC());
      RunRecord run = ShardCollector.collect(runs, coordinator.newId(), Instant.now());
      ws.history.save(run);
      printRun(spec.commandLine().getOut(), run, output.format);
      return 0;
    }
  }

  private static void printPlan(
      PrintWriter out,
      CompiledPlan plan,
      Shard shard,
      Output.Format format,
      Map<String, Object> llmEstimate) {
    if (format == Output.Format.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario_id", plan.scenarioId());
      m.put("seed", plan.seed());
      m.put("as_of", plan.asOf().toString());
      m.put("config_hash", plan.configHash());
      m.put("total_rows", plan.totalRows());
      if (!shard.isWhole()) {
        m.put("shard", shard.label());
      }
      List<Map<String, Object>> es = new ArrayList<>();
      int i = 1;
      for (CompiledEntity e : plan.included()) {
        Map<String, Object> entity = new LinkedHashMap<>(); // stable field order for readers
        entity.put("order", i++);
        entity.put("entity", e.name());
        entity.put("table", e.table());
        entity.put("rows", e.rows());
        if (!shard.isWhole()) {
          entity.put("shard_first_row", shard.first(e.rows()));
          entity.put("shard_end_row", shard.end(e.rows()));
        }
        es.add(entity);
      }
      m.put("entities", es);
      m.put("warnings", plan.warnings());
      if (llmEstimate != null) {
        m.put("llm", llmEstimate);
      }
      Output.json(out, m);
      return;
    }
    out.printf(
        "plan for scenario '%s'  seed %d  as_of %s%nconfig hash %s%n%n",
        plan.scenarioId(), plan.seed(), plan.asOf(), plan.configHash());
    List<List<String>> rows = new ArrayList<>();
    int i = 1;
    for (CompiledEntity e : plan.included()) {
      List<String> row =
          new ArrayList<>(
              List.of(String.valueOf(i++), e.name(), e.table(), Output.count(e.rows())));
      if (!shard.isWhole()) {
        row.add("[" + shard.first(e.rows()) + ", " + shard.end(e.rows()) + ")");
      }
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("ORDER", "ENTITY", "TABLE", "ROWS"));
    if (!shard.isWhole()) {
      header.add("SHARD " + shard.label() + " ROWS");
    }
    Output.table(out, header, rows);
    out.printf("%ntotal %s rows%n", Output.count(plan.totalRows()));
    if (llmEstimate != null) {
      LlmUsageTable.printEstimate(out, llmEstimate);
    }
    plan.warnings().forEach(w -> out.println("warning: " + w));
    out.flush();
  }

  /** Says so when a records/s rate was not reached (the targets could not keep up). */
  private static String shortfall(RunRecord r, String requested) {
    dev.syngen.core.traffic.Rate rate;
    try {
      rate = dev.syngen.core.traffic.Rate.parse(requested);
    } catch (IllegalArgumentException e) {
      return "";
    }
    EntityProgress last = r.entities().isEmpty() ? null : r.entities().get(r.entities().size() - 1);
    if (rate.unit() != dev.syngen.core.traffic.Rate.Unit.RECORDS
        || last == null
        || last.durationMillis() < 1000) {
      return "";
    }
    double achieved = last.rowsPerSecond();
    return achieved < 0.95 * rate.perSecond()
        ? String.format(
            "; achieved %,.0f rows/s for %s: the targets could not keep up",
            achieved, last.entity())
        : "";
  }

  private static void printRun(PrintWriter out, RunRecord r, Output.Format format) {
    printRun(out, r, format, null);
  }

  /** A run, with the LLM usage recorded beside it when its columns used llm_text. */
  private static void printRun(
      PrintWriter out, RunRecord r, Output.Format format, Map<String, Object> llm) {
    if (format == Output.Format.json) {
      if (llm == null) {
        Output.json(out, r);
      } else {
        Map<String, Object> m =
            dev.syngen.io.history.FileRunRepository.mapper()
                .convertValue(r, new com.fasterxml.jackson.core.type.TypeReference<>() {});
        m.put("llm", llm);
        Output.json(out, m);
      }
      return;
    }
    out.printf("run %s  %s%n", r.id(), r.status().label());
    out.printf(
        "  scenario    %s (%s, version %s)%n",
        r.scenarioId(), r.scenarioName(), r.scenarioVersion());
    out.printf("  target      %s (%s) %s%n", r.targetId(), r.targetKind(), r.targetDsn());
    out.printf(
        "  seed        %d%n  as_of       %s%n  config_hash %s%n  mode        %s  parallel %d%n",
        r.seed(), r.asOf(), r.configHash(), r.mode(), r.parallelism());
    if (!r.shard().isWhole()) {
      out.printf("  shard       %s%n", r.shard().label());
    }
    Object shardRuns = r.overrides().get(ShardCollector.SHARD_RUNS);
    if (shardRuns != null) {
      out.printf("  shards      %s: %s%n", r.overrides().get(ShardCollector.SHARDS), shardRuns);
    }
    out.printf("  started     %s%n  finished    %s%n", r.startedAt(), r.finishedAt());
    Object requested = r.overrides().get("rate");
    if (requested != null) {
      out.printf(
          "  traffic     %s at %s%s%n",
          r.overrides().getOrDefault("traffic", "steady"),
          requested,
          shortfall(r, String.valueOf(requested)));
    }
    List<List<String>> rows = new ArrayList<>();
    for (EntityProgress e : r.entities()) {
      rows.add(
          List.of(
              "  " + e.entity(),
              e.table(),
              Output.count(e.rowsWritten()) + " / " + Output.count(e.rowsPlanned()),
              e.durationMillis() + " ms",
              Output.count(Math.round(e.rowsPerSecond())) + " rows/s",
              e.bytesWritten() == 0 ? "" : String.format("%.1f MB/s", e.bytesPerSecond() / 1e6)));
    }
    Output.table(out, List.of("  ENTITY", "TABLE", "ROWS", "TIME", "RATE", "BYTES"), rows);
    if (r.error() != null) {
      out.println("  error       " + r.error());
    }
    if (llm != null) {
      LlmUsageTable.printRecord(out, llm);
    }
    out.flush();
  }
}
