package dev.syngen.server.interfaces.console;

import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.application.run.RunQuery;
import dev.syngen.server.interfaces.view.RunView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The runs page: the whole run history in a lazy table, filtered by status, scenario, target, user
 * and creation date (the page's address holds the filters, so a bookmark keeps them), and for an
 * admin the selected runs cancelled or re-run at once.
 */
@Named
@ViewScoped
public class RunsBean implements Serializable, RunHistoryModel.Filters {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleFacade facade;

  private String status;
  private String scenario;
  private String target;
  private String user;
  private String from;
  private String to;
  private RunHistoryModel model;
  private List<RunRow> selected = new ArrayList<>();

  public RunHistoryModel getModel() {
    if (model == null) {
      model = new RunHistoryModel(facade, this);
    }
    return model;
  }

  @Override
  public RunQuery query(String sort, boolean ascending, int offset, int limit) {
    return new RunQuery(
        parseStatus(status),
        scenario,
        target,
        user,
        day(from, 0),
        day(to, 1),
        sort,
        ascending,
        offset,
        limit);
  }

  private static RunStatus parseStatus(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return RunStatus.parse(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Midnight UTC at the start of {@code date} plus {@code days}; null when it is no date. */
  static Instant day(String date, int days) {
    if (date == null || date.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(date.strip()).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public void cancelSelected() {
    bulk("Cancelled", facade::cancel);
  }

  public void rerunSelected() {
    bulk("Re-ran", facade::rerun);
  }

  private void bulk(String done, Function<String, RunView> action) {
    if (selected == null || selected.isEmpty()) {
      Pages.error(null, "Select the runs first (the boxes in the first column).");
      return;
    }
    List<String> ok = new ArrayList<>();
    for (RunRow r : selected) {
      try {
        action.apply(r.run().id());
        ok.add(r.run().id());
      } catch (RuntimeException e) {
        Pages.error(null, "Run " + r.run().id() + ": " + ConsoleErrors.message(e));
      }
    }
    if (!ok.isEmpty()) {
      Pages.info(done + " " + ok.size() + " run(s): " + String.join(", ", ok) + ".");
    }
    selected = new ArrayList<>();
  }

  public List<String> getStatuses() {
    return Arrays.stream(RunStatus.values()).map(RunStatus::label).toList();
  }

  public List<RunRow> getSelected() {
    return selected;
  }

  public void setSelected(List<RunRow> selected) {
    this.selected = selected;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getScenario() {
    return scenario;
  }

  public void setScenario(String scenario) {
    this.scenario = scenario;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
