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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code syngen run start|list|show}. */
@Command(
    name = "run",
    description = "Start runs, inspect run history, collect shard runs.",
    mixinStandardHelpOptions = true,
    subcommands = {
      RunCommand.Start.class,
      RunCommand.Collect.class,
      RunCommand.ListRuns.class,
      RunCommand.Show.class
    })
final class RunCommand {
  @ParentCommand SyngenCommand root;

  /**
   * The flags of {@code run start} that shape the plan. They are read as text, as a form's fields
   * are, so that a bad value is the same problem here as in the REST API and the console.
   */
  static final class PlanOptions {
    @Option(
        names = "--seed",
        description = "Seed (default: the scenario's, else a new one, stored with the run).")
    String seed;

    @Option(
        names = "--as-of",
        description = "Anchor for relative times, ISO-8601 (default: scenario's, else now).")
    String asOf;

    @Option(names = "--scale", description = "Multiply every entity's rows (e.g. 0.001).")
    String scale;

    @Option(
        names = "--band",
        paramLabel = "NAME",
        description = "A size the scenario declares under bands (e.g. dev, staging, perf).")
    String band;

    @Option(
        names = "--entity-scale",
        paramLabel = "ENTITY=F",
        description = "Multiply one entity's rows; repeatable.")
    Map<String, String> entityScales = new LinkedHashMap<>();

    @Option(
        names = "--entity-count",
        paramLabel = "ENTITY=N",
        description = "Exact rows for one entity; repeatable.")
    Map<String, String> entityCounts = new LinkedHashMap<>();

    @Option(
        names = "--include-entity",
        paramLabel = "ENTITY",
        description = "Run only these entities; repeatable.")
    List<String> include = new ArrayList<>();

    @Option(
        names = "--exclude-entity",
        paramLabel = "ENTITY",
        description = "Skip these entities; repeatable.")
    List<String> exclude = new ArrayList<>();

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
    @Option(
        names = "--target",
        required = true,
        paramLabel = "ID|PATH|DSN",
        description =
            "Target profile id or file; repeat it or use a comma list to write to several at"
                + " once. With --target-kind, one DSN or directory.")
    List<String> targets = new ArrayList<>();

    @Option(
        names = "--target-kind",
        paramLabel = "KIND",
        description =
            "Inline target kind: sqlite, postgres, mariadb, csv, ndjson, kafka, nats, jms, http.")
    String kind;

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

  /**
   * {@code run start}. A class with annotated fields rather than a method with annotated
   * parameters: the JDK does not cache parameter annotations, and picocli reading those of a method
   * with this many options again for every check was a sixth of a small run's start-up.
   */
  @Command(name = "start", description = "Generate a scenario into a target.")
  static final class Start implements Callable<Integer> {
    @ParentCommand RunCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--scenario",
        required = true,
        paramLabel = "ID|PATH",
        description = "Scenario id or file.")
    String scenarioId;

    @ArgGroup(exclusive = false, multiplicity = "1")
    TargetOptions targetOptions;

    @ArgGroup(exclusive = false)
    PlanOptions planOptions;

    @ArgGroup(exclusive = false, heading = "Traffic:%n")
    TrafficOptions trafficOptions;

    @Option(
        names = "--mode",
        paramLabel = "MODE",
        defaultValue = "create_if_missing",
        description =
            "create_if_missing (create), truncate_then_insert (truncate), append_only (append).")
    String modeName;

    @Option(
        names = "--shard",
        paramLabel = "I/N",
        defaultValue = "${env:SYNGEN_SHARD}",
        description =
            "Write only shard I (0-based) of N of every entity's rows (env SYNGEN_SHARD, e.g."
                + " $JOB_COMPLETION_INDEX/4); needs a fixed seed and as_of.")
    String shardText;

    @Option(
        names = "--parallel",
        paramLabel = "N",
        description = "Worker threads, 1 to 256 (default: available cores).")
    String parallel;

    @Option(
        names = "--batch-size",
        paramLabel = "N",
        defaultValue = "4096",
        description = "Rows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--plan", description = "Show the plan and exit without writing anything.")
    boolean planOnly;

    @Option(
        names = "--llm",
        paramLabel = "MODE",
        defaultValue = "${env:SYNGEN_LLM_MODE:-online}",
        description =
            "online: llm_text columns may send requests; offline: cached answers only, a"
                + " miss fails the run (env SYNGEN_LLM_MODE; default: ${DEFAULT-VALUE}).")
    LlmService.Mode llmMode;

    @Option(
        names = "--max-requests",
        paramLabel = "N",
        description =
            "Send at most N LLM requests (retries included); a run whose plan needs more is"
                + " refused before anything is sent.")
    String maxRequests;

    @Option(
        names = "--max-cost",
        paramLabel = "COST",
        description =
            "Spend at most COST on LLM requests (in the providers' price currency); checked"
                + " against the plan's estimate and before every request.")
    String maxCost;

    @Option(
        names = {"-q", "--quiet"},
        description = "No progress output.")
    boolean quiet;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      PlanOptions po = planOptions == null ? new PlanOptions() : planOptions;
      Map<String, Object> tree = new LinkedHashMap<>();
      po.into(tree);
      put(tree, "mode", modeName);
      put(tree, "parallelism", parallel);
      put(tree, "max_requests", maxRequests);
      put(tree, "max_cost", maxCost);
      tree.put("traffic", (trafficOptions == null ? new TrafficOptions() : trafficOptions).tree());
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
      Map<String, Object> recorded = recorded(in.overrides(), po);
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
