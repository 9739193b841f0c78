package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.scenario.Instants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrival shapes through {@code syngen scenario from-db} on SQLite: a table whose events arrive in
 * business hours (Monday to Friday, 09:00–17:00 UTC) is drafted as a {@code poisson_process} with
 * the sampled hour and weekday shares, its copy keeps them (fidelity GO), a flat column stays an
 * {@code empirical} law, and an original moved to night hours after drafting is NO-GO.
 */
class FromDbArrivalsTest {
  private static final int ROWS = 4000;

  @TempDir Path tmp;

  @Test
  void businessHoursAreDraftedKeptInTheCopyAndAMoveToNightIsNoGo() throws Exception {
    Path original = tmp.resolve("events.db");
    Set<Long> originalTimes = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + original)) {
      populate(c, originalTimes);
    }
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Cli cli = new Cli(scenarios, Files.createDirectories(tmp.resolve("targets")), tmp.resolve("h"));
    Path profile = tmp.resolve("original.json");
    Cli.Result r = draft(cli, original, "events", scenarios.resolve("events.yaml"), profile);
    assertEquals(0, r.exit(), r.out() + r.err());

    String json = Files.readString(profile);
    assertTrue(json.contains("\"hours\""), "the profile records hour-of-day shares: " + json);
    assertTrue(json.contains("\"weekdays\""), "the profile records weekday shares");
    String draft = Files.readString(scenarios.resolve("events.yaml"));
    assertTrue(draft.contains("type: poisson_process"), draft);
    assertTrue(draft.contains("sampled hour-of-day and weekday shares"), "the why comment");
    String updated = draft.substring(draft.indexOf("name: updated_at"));
    assertTrue(
        updated.substring(0, Math.min(updated.length(), 400)).contains("type: empirical"),
        "a flat column keeps its percentiles: " + updated);
    assertNoOriginalTime(draft, originalTimes);

    Path copy = tmp.resolve("copy.db");
    Cli.Result run =
        cli.run(
            "run",
            "start",
            "--scenario",
            "events",
            "--target-kind",
            "sqlite",
            "--target",
            copy.toString(),
            "--quiet",
            "--format",
            "json");
    assertEquals(0, run.exit(), run.out() + run.err());
    long[] hours = new long[24];
    long[] days = new long[7];
    long n = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT created_at FROM events")) {
      while (rs.next()) {
        Instant t = Instants.parse(rs.getString(1));
        hours[t.atOffset(ZoneOffset.UTC).getHour()]++;
        days[t.atOffset(ZoneOffset.UTC).getDayOfWeek().getValue() - 1]++;
        n++;
      }
    }
    assertEquals(ROWS, n);
    for (int h = 0; h < 24; h++) {
      if (h < 9 || h >= 17) {
        assertEquals(0, hours[h], "no event at hour " + h + ", as in the original");
      } else {
        assertTrue(Math.abs(hours[h] / (double) n - 0.125) < 0.03, "hour " + h + ": " + hours[h]);
      }
    }
    assertEquals(0, days[5] + days[6], "no event on a weekend");
    for (int d = 0; d < 5; d++) {
      assertTrue(Math.abs(days[d] / (double) n - 0.2) < 0.03, "weekday " + d + ": " + days[d]);
    }

    String id = run.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
    Cli.Result same = cli.run("fidelity", "--run", id, "--compare-profile", profile.toString());
    assertEquals(0, same.exit(), same.out() + same.err());
    assertTrue(
        same.out()
            .lines()
            .anyMatch(l -> l.startsWith("PASS") && l.contains("events.created_at hour of day")),
        same.out());

    // the original moves to the night (21:00–05:00) after the copy was drafted
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + original);
        Statement s = c.createStatement()) {
      List<String[]> moved = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT id, created_at FROM events")) {
        while (rs.next()) {
          Instant t = Instant.parse(rs.getString(2)).plusSeconds(12 * 3600);
          moved.add(new String[] {rs.getString(1), t.toString()});
        }
      }
      c.setAutoCommit(false);
      try (PreparedStatement u =
          c.prepareStatement("UPDATE events SET created_at = ? WHERE id = ?")) {
        for (String[] m : moved) {
          u.setString(1, m[1]);
          u.setLong(2, Long.parseLong(m[0]));
          u.addBatch();
        }
        u.executeBatch();
      }
      c.commit();
    }
    Path changed = tmp.resolve("changed.json");
    Cli.Result again = draft(cli, original, "events2", tmp.resolve("events2.yaml"), changed);
    assertEquals(0, again.exit(), again.out() + again.err());
    Cli.Result differs = cli.run("fidelity", "--run", id, "--compare-profile", changed.toString());
    assertEquals(3, differs.exit(), differs.out() + differs.err());
    assertTrue(
        differs
            .out()
            .lines()
            .anyMatch(l -> l.startsWith("FAIL") && l.contains("events.created_at hour of day")),
        differs.out());
  }

  private static Cli.Result draft(Cli cli, Path db, String id, Path out, Path profile) {
    return cli.run(
        "scenario",
        "from-db",
        "--target",
        db.toString(),
        "--id",
        id,
        "--out",
        out.toString(),
        "--profile-out",
        profile.toString());
  }

  /** Events on weekdays 09:00–17:00 UTC over 20 weeks; updated_at anywhere in the same span. */
  private static void populate(Connection c, Set<Long> times) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE events (id INTEGER PRIMARY KEY, created_at TIMESTAMP NOT NULL,"
              + " updated_at TIMESTAMP NOT NULL)");
    }
    c.setAutoCommit(false);
    Random r = new Random(7);
    Instant monday = Instant.parse("2024-01-01T00:00:00Z");
    try (PreparedStatement p = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?)")) {
      for (int i = 1; i <= ROWS; i++) {
        Instant t;
        do {
          t = monday.plusSeconds(r.nextInt(140) * 86400L + 9 * 3600 + r.nextInt(8 * 3600));
        } while (t.atOffset(ZoneOffset.UTC).getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0);
        Instant u = monday.plusSeconds(r.nextInt(140 * 86400));
        times.add(t.toEpochMilli());
        times.add(u.toEpochMilli());
        p.setLong(1, i);
        p.setString(2, t.toString());
        p.setString(3, u.toString());
        p.addBatch();
      }
      p.executeBatch();
    }
    c.commit();
  }

  /** Every instant written in the draft, parsed, is none of the original's. */
  private static void assertNoOriginalTime(String draft, Set<Long> times) {
    Matcher m = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ][0-9:.]+Z?").matcher(draft);
    int found = 0;
    while (m.find()) {
      long t = Instants.parse(m.group()).toEpochMilli();
      assertFalse(times.contains(t), "an original time is in the draft: " + m.group());
      found++;
    }
    assertTrue(found > 0, "the draft holds the sampled window");
  }
}
