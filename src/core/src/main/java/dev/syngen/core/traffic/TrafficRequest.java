package dev.syngen.core.traffic;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.PayloadShape;
import dev.syngen.core.sink.RunContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The traffic a user asked for, as written (CLI flags, a REST body, a console form): rate,
 * duration, streamed entity, mode, burst window and payload shape. The CLI and the server read it
 * the same way, check it the same way and store it with the run under the same keys, so a rerun
 * shapes traffic exactly like the original.
 *
 * @param template the payload template text itself (a CLI {@code @file} is read before)
 * @param wallClock timestamp columns carry the time of production: the one deliberate exception to
 *     "same seed, same data", for streaming runs only
 * @param speed lifecycle events in event-time order at this factor of event time ({@code 1x},
 *     {@code 60x}, {@code max}); null for instance order
 */
public record TrafficRequest(
    String rate,
    String duration,
    String streamEntity,
    String mode,
    String window,
    String payloadSize,
    String template,
    boolean wallClock,
    String speed) {
  public static final TrafficRequest NONE =
      new TrafficRequest(null, null, null, null, null, null, null, false, null);

  public TrafficRequest(
      String rate,
      String duration,
      String streamEntity,
      String mode,
      String window,
      String payloadSize,
      String template,
      boolean wallClock) {
    this(rate, duration, streamEntity, mode, window, payloadSize, template, wallClock, null);
  }

  /** The keys a run stores its traffic under, in the order of the record's components. */
  public static final List<String> KEYS =
      List.of(
          "rate",
          "duration",
          "stream_entity",
          "traffic",
          "burst_window",
          "payload_size",
          "payload_template",
          "wall_clock",
          "speed");

  /** Open-ended counts to try, largest first: a 32-bit sequence column cannot take the first. */
  private static final long[] OPEN_ENDED = {
    PlanCompiler.MAX_ROWS, Integer.MAX_VALUE, Traffic.OPEN_ENDED_ROWS
  };

  public boolean any() {
    return wallClock
        || rate != null
        || duration != null
        || mode != null
        || speed != null
        || shapesPayload();
  }

  public boolean shapesPayload() {
    return payloadSize != null || template != null;
  }

  public TrafficMode parsedMode() {
    return mode == null ? TrafficMode.STEADY : TrafficMode.parse(mode);
  }

  public Rate parsedRate() {
    return rate == null ? null : Rate.parse(rate);
  }

  public Double parsedSpeed() {
    return speed == null ? null : Speed.parse(speed);
  }

  public Duration parsedDuration() {
    return duration == null ? null : HumanDuration.parse(duration);
  }

  /**
   * Adds every problem of the request to {@code problems}. {@code field} names a key of {@link
   * #KEYS} the way the caller's user wrote it ({@code --rate}, {@code traffic.rate}); {@code
   * templateProblem} says what is wrong with a payload template, or null when it is fine.
   */
  public void check(
      Problems problems, UnaryOperator<String> field, UnaryOperator<String> templateProblem) {
    TrafficMode m =
        parse(problems, field.apply("traffic"), "steady, burst or sampled", () -> parsedMode());
    Rate r =
        parse(problems, field.apply("rate"), "write e.g. 50k/s, 1000 or 7.5MB/s", this::parsedRate);
    parse(problems, field.apply("duration"), "write e.g. 30s, 5m or 1h", this::parsedDuration);
    if (window != null) {
      parse(
          problems,
          field.apply("burst_window"),
          "write e.g. 1s or 500ms",
          () -> HumanDuration.parse(window));
    }
    if (payloadSize != null) {
      parse(
          problems,
          field.apply("payload_size"),
          "write e.g. 1KB or 512",
          () -> ByteSize.parse(payloadSize));
    }
    if (m != null && m != TrafficMode.STEADY && rate == null) {
      problems.add(
          field.apply("traffic"),
          m.label() + " traffic needs a rate",
          "set " + field.apply("rate") + ", e.g. 10k/s");
    }
    if (m == TrafficMode.SAMPLED && payloadSize == null) {
      problems.add(
          field.apply("payload_size"),
          "sampled traffic needs the logical size each record stands for",
          "set " + field.apply("payload_size") + ", e.g. 10KB");
    }
    if (window != null && m != null && m != TrafficMode.BURST) {
      problems.add(
          field.apply("burst_window"),
          "applies only to burst traffic",
          "leave it out or set " + field.apply("traffic") + " to burst");
    }
    Double sp =
        parse(problems, field.apply("speed"), "write e.g. 1x, 60x or max", this::parsedSpeed);
    if (wallClock && sp != null && sp == Speed.MAX) {
      problems.add(
          field.apply("wall_clock"),
          "maps event time onto now, which needs a finite speed",
          "set " + field.apply("speed") + " to e.g. 1x or 60x, or leave out the wall clock");
    }
    if (wallClock && rate == null && duration == null && speed == null) {
      problems.add(
          field.apply("wall_clock"),
          "applies to streaming runs only",
          "set "
              + field.apply("rate")
              + " (e.g. 1k/s) or "
              + field.apply("duration")
              + " (e.g. 5m)");
    }
    if (streamEntity != null && duration == null) {
      problems.add(
          field.apply("stream_entity"),
          "applies only with a duration",
          "set " + field.apply("duration") + " too");
    }
    String why = template == null ? null : templateProblem.apply(template);
    if (why != null) {
      problems.add(
          field.apply("payload_template"),
          "is not JSON once its {{column}} placeholders are filled: " + why,
          "write e.g. {\"id\":{{reading_id}},\"v\":{{value}}}");
    }
  }

  private static <T> T parse(
      Problems problems, String field, String fix, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      problems.add(field, e.getMessage(), fix);
      return null;
    }
  }

  /** How message targets shape payloads; the request must have passed {@link #check}. */
  public PayloadShape payload() {
    int size = payloadSize == null ? 0 : (int) ByteSize.parse(payloadSize);
    return new PayloadShape(size, template, parsedMode() == TrafficMode.SAMPLED);
  }

  /**
   * Who produces run {@code runId} of {@code plan}, with the payload shape this traffic asks for.
   */
  public RunContext context(CompiledPlan plan, String runId) {
    return RunContext.of(plan, runId).withPayload(payload());
  }

  /**
   * The plan of a run with this traffic: with a duration and a records/s rate the streamed entity
   * gets exactly {@code rate × duration} rows; with a duration alone it gets as many rows as the
   * plan allows and the engine stops it when the time is up. Other entities keep their counts.
   */
  public CompiledPlan plan(PlanCompiler compiler, Scenario scenario, RunOverrides overrides) {
    CompiledPlan plan = compiler.compile(scenario, overrides);
    Duration d = parsedDuration();
    if (d == null) {
      return plan;
    }
    String streamed = streamed(plan).name();
    Rate r = parsedRate();
    // later compiles must use the same seed and as_of, which the first compile may have chosen
    RunOverrides fixed = overrides.withSeed(plan.seed()).withAsOf(plan.asOf());
    if (r != null && r.unit() == Rate.Unit.RECORDS) {
      long rows = Math.max(1, (long) Math.ceil(r.perSecond() * d.toMillis() / 1000.0));
      return compiler.compile(scenario, withCount(fixed, streamed, rows));
    }
    ValidationException last = null;
    for (long rows : OPEN_ENDED) {
      try {
        return compiler.compile(scenario, withCount(fixed, streamed, rows));
      } catch (ValidationException e) {
        last = e;
      }
    }
    throw last;
  }

  /** The entity the duration applies to, checked against the plan. */
  public CompiledEntity streamed(CompiledPlan plan) {
    List<CompiledEntity> included = plan.included();
    if (streamEntity == null) {
      return included.get(included.size() - 1);
    }
    return included.stream()
        .filter(e -> e.name().equals(streamEntity))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    "traffic",
                    List.of(
                        new dev.syngen.core.problem.Problem(
                            "stream_entity",
                            "'" + streamEntity + "' is not an entity this run writes",
                            "use one of "
                                + included.stream().map(CompiledEntity::name).toList()))));
  }

  /** The engine's traffic settings for {@code plan}. */
  public Traffic traffic(CompiledPlan plan) {
    PayloadShape payload = payload();
    return new Traffic(
        parsedRate(),
        parsedMode(),
        window == null ? null : HumanDuration.parse(window),
        parsedDuration(),
        duration == null ? null : streamed(plan).name(),
        payload.sampled() ? payload.size() : 0,
        wallClock,
        parsedSpeed());
  }

  /** The request under {@link #KEYS}, leaving out what was not given. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> values = java.util.Arrays.asList(values());
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        m.put(KEYS.get(i), values.get(i));
      }
    }
    if (wallClock) {
      m.put("wall_clock", Boolean.TRUE);
    }
    if (speed != null) {
      m.put("speed", speed);
    }
    return m;
  }

  /** Reads back what {@link #asMap} stored (other keys are ignored). */
  public static TrafficRequest fromMap(Map<String, ?> m) {
    String[] v = new String[KEYS.indexOf("wall_clock")];
    for (int i = 0; i < v.length; i++) {
      Object x = m.get(KEYS.get(i));
      v[i] = x == null ? null : String.valueOf(x);
    }
    return new TrafficRequest(
        v[0],
        v[1],
        v[2],
        v[3],
        v[4],
        v[5],
        v[6],
        Boolean.TRUE.equals(m.get("wall_clock")),
        m.get("speed") == null ? null : String.valueOf(m.get("speed")));
  }

  private String[] values() {
    return new String[] {rate, duration, streamEntity, mode, window, payloadSize, template};
  }

  private static RunOverrides withCount(RunOverrides o, String entity, long rows) {
    Map<String, Long> counts = new HashMap<>(o.entityCounts());
    counts.put(entity, rows);
    return new RunOverrides(
        o.seed(),
        o.asOf(),
        o.scale(),
        o.entityScales(),
        counts,
        o.includeEntities(),
        o.excludeEntities());
  }
}
