package dev.syngen.server.interfaces.console;

import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.application.cluster.MemberRemoval;
import dev.syngen.server.interfaces.view.ClusterMemberView;
import dev.syngen.server.interfaces.view.RunView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: active runs, a page of the history, system state, the guided prompts and, on a
 * dispatcher or executor, the cluster's members, of which an admin removes those that are down.
 */
@Named
@RequestScoped
public class DashboardBean {
  static final int PAGE_SIZE = 25;

  /** How many of the newest runs the prompts look at. */
  static final int PROMPT_RUNS = 20;

  @Inject ConsoleFacade facade;
  @Inject PromptAdvisor advisor;

  private int page = 1;
  private String status;
  private RunPage runs;
  private List<RunView> active;
  private SystemState system;
  private List<ScenarioSummary> scenarios;
  private List<Prompt> prompts;

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(1, page);
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || status.isBlank() ? null : status;
  }

  public RunPage getRuns() {
    if (runs == null) {
      RunStatus s = null;
      if (status != null) {
        try {
          s = RunStatus.parse(status);
        } catch (IllegalArgumentException e) {
          status = null;
        }
      }
      runs = facade.runs(page, PAGE_SIZE, s);
    }
    return runs;
  }

  public List<RunView> getActive() {
    if (active == null) {
      active = facade.active();
    }
    return active;
  }

  /** Whether the Executors panel is shown: on a dispatcher or an executor, not standalone. */
  public boolean isClustered() {
    return facade.clustered();
  }

  /**
   * The cluster's members, read once per request (one query); while a click is handled, as the page
   * showed them (RowsShown).
   */
  public List<ClusterMemberView> getMembers() {
    return RowsShown.of("members", facade::clusterMembers);
  }

  /**
   * Removes a member that is down, as {@code DELETE /api/v1/cluster/members/{name}} does: the same
   * service, so the same rules, audit entry and admin role (a viewer is refused by the container).
   */
  public void removeMember(String name) {
    if (!Pages.posted(name, "member")) {
      return;
    }
    try {
      facade.removeMember(name);
      Pages.info("Removed member " + name + " (audited as " + MemberRemoval.ACTION + ").");
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  public SystemState getSystem() {
    if (system == null) {
      system = facade.systemWithDependencies(scenarios().size());
    }
    return system;
  }

  public List<Prompt> getPrompts() {
    if (prompts == null) {
      prompts = advisor.prompts(scenarios(), recent(), getSystem());
    }
    return prompts;
  }

  /** The newest runs: the first page of the unfiltered history when that is what is shown. */
  private List<RunView> recent() {
    if (page == 1 && status == null) {
      List<RunView> first = getRuns().runs();
      return first.subList(0, Math.min(PROMPT_RUNS, first.size()));
    }
    return facade.recent(PROMPT_RUNS);
  }

  private List<ScenarioSummary> scenarios() {
    if (scenarios == null) {
      scenarios = facade.scenarios();
    }
    return scenarios;
  }

  /** The prompts by group, in the order the console shows the groups. */
  public List<PromptGroup> getPromptGroups() {
    Map<String, List<Prompt>> m = new LinkedHashMap<>();
    for (String g : List.of(Prompt.SCENARIOS, Prompt.GENERATION, Prompt.QUALITY, Prompt.TROUBLE)) {
      m.put(g, new ArrayList<>());
    }
    for (Prompt p : getPrompts()) {
      m.get(p.group()).add(p);
    }
    return m.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> new PromptGroup(e.getKey(), e.getValue()))
        .toList();
  }

  public List<String> getStatuses() {
    return java.util.Arrays.stream(RunStatus.values()).map(RunStatus::label).toList();
  }
}
