package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.SeriesCursor;
import dev.syngen.core.scenario.ValueKind;
import java.util.Optional;

/**
 * Sensor readings: {@code level + trend·days + daily·cos(2π(hour - peak)/24) + weekly·cos(2π(day -
 * peak)/7) + AR(1) noise}, at the time of a timestamp column of the row (or {@code start + index ×
 * step}). The noise {@code e(i) = ar·e(i-1) + sqrt(1 - ar²)·noise_std·z(i)} is stationary with
 * standard deviation {@code noise_std}, one series per parent (a device) or per entity.
 */
public final class Seasonal implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "seasonal",
          "trend + daily/weekly seasonality + AR(1) noise; params: level, trend_per_day,"
              + " daily_amplitude, daily_peak_hour, weekly_amplitude, weekly_peak_day (1 = Monday),"
              + " noise_std, ar (-1..1), time (timestamp column) or start + step,"
              + " series (parent | entity)",
          Seasonal::create);

  private static final long DAY = 86_400_000L;

  private final double level;
  private final double trend;
  private final double daily;
  private final double dailyPeakHour;
  private final double weekly;
  private final double weeklyPeakDay;
  private final ColumnRef time; // null: start + index × step
  private final long start;
  private final long step;
  private final SeriesScope scope;
  private final SeriesCursor noise;
  private final long origin;

  private Seasonal(Settings s) {
    this.level = s.level;
    this.trend = s.trend;
    this.daily = s.daily;
    this.dailyPeakHour = s.dailyPeakHour;
    this.weekly = s.weekly;
    this.weeklyPeakDay = s.weeklyPeakDay;
    this.time = s.time;
    this.start = s.start;
    this.step = s.step;
    this.scope = s.scope;
    this.origin = s.origin;
    this.noise = new SeriesCursor(new Ar1(s.ar, s.noiseStd));
  }

  private static final class Settings {
    double level;
    double trend;
    double daily;
    double dailyPeakHour;
    double weekly;
    double weeklyPeakDay;
    double noiseStd;
    double ar;
    ColumnRef time;
    long start;
    long step;
    long origin;
    SeriesScope scope;
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Settings s = new Settings();
    s.level = p.number("level", "21.5", 0);
    s.trend = p.number("trend_per_day", "0.01", 0);
    s.daily = p.number("daily_amplitude", "3", 0);
    s.dailyPeakHour = p.number("daily_peak_hour", "15", 15);
    s.weekly = p.number("weekly_amplitude", "1", 0);
    s.weeklyPeakDay = p.number("weekly_peak_day", "3", 3);
    s.noiseStd = p.number("noise_std", "0.5", 1);
    s.ar = p.number("ar", "0.8", 0.8);
    if (!(s.noiseStd >= 0) || Double.isInfinite(s.noiseStd)) {
      p.problem("noise_std", "must be a finite number >= 0", "use e.g. noise_std: 0.5");
    }
    if (!(s.ar > -1 && s.ar < 1)) {
      p.problem("ar", "must be strictly between -1 and 1, got " + s.ar, "use e.g. ar: 0.8");
    }
    if (!(s.dailyPeakHour >= 0 && s.dailyPeakHour < 24)) {
      p.problem("daily_peak_hour", "must be in [0, 24)", "use e.g. daily_peak_hour: 15");
    }
    if (!(s.weeklyPeakDay >= 1 && s.weeklyPeakDay < 8)) {
      p.problem(
          "weekly_peak_day", "must be in [1, 8) with 1 = Monday", "use e.g. weekly_peak_day: 3");
    }
    clock(ctx, s);
    s.scope = SeriesScope.of(ctx);
    return p.ok() && s.scope != null ? new Seasonal(s) : null;
  }

  private static void clock(GeneratorContext ctx, Settings s) {
    Params p = ctx.params();
    if (p.has("time")) {
      if (p.has("start") || p.has("step")) {
        p.problem(
            "time", "is set together with start/step", "keep time (a column) or start + step");
        return;
      }
      String column = p.string("time", "observed_at");
      Optional<ColumnRef> ref = column == null ? Optional.empty() : ctx.sibling("time", column);
      ref.ifPresent(
          r -> {
            if (r.type().kind() != ValueKind.TIMESTAMP) {
              p.problem(
                  "time", "'" + column + "' is not a timestamp column", "name a timestamp column");
            } else {
              s.time = r;
            }
          });
      s.origin = ctx.asOf().toEpochMilli();
      return;
    }
    Long start = TimeSpec.instantMillis(p, "start", ctx.asOf(), "\"-7d\"");
    Long step = TimeSpec.stepMillis(p, "step", "\"1m\"");
    if (start != null && step != null) {
      s.start = start;
      s.step = step;
      s.origin = start;
    }
  }

  /** Stationary AR(1): e(0) ~ N(0, std²), e(i) = ar·e(i-1) + sqrt(1 - ar²)·std·z(i). */
  private record Ar1(double ar, double std) implements SeriesCursor.Recursion {
    @Override
    public int stateSize() {
      return 1;
    }

    @Override
    public void start(double[] state, long stream) {
      state[0] = std * CellRandom.gaussian(stream, 0, 0);
    }

    @Override
    public void step(double[] state, long stream, long index) {
      state[0] =
          ar * state[0] + Math.sqrt(1 - ar * ar) * std * CellRandom.gaussian(stream, index, 0);
    }

    @Override
    public double value(double[] state) {
      return state[0];
    }
  }

  @Override
  public ValueKind kind() {
    return ValueKind.DOUBLE;
  }

  @Override
  public double doubleAt(long key, long row) {
    long t = time == null ? start + row * step : time.generator().longAt(time.key(), row);
    double hour = Math.floorMod(t, DAY) / 3_600_000.0;
    double day = Math.floorMod(Math.floorDiv(t, DAY) + 3, 7) + 1 + hour / 24; // 1 = Monday 00:00
    double value =
        level
            + trend * (t - origin) / (double) DAY
            + daily * Math.cos(2 * Math.PI * (hour - dailyPeakHour) / 24)
            + weekly * Math.cos(2 * Math.PI * (day - weeklyPeakDay) / 7);
    return value + scope.at(noise, key, row);
  }
}
