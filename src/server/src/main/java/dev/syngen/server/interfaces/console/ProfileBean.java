package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problems;
import dev.syngen.server.application.profile.ProfileRequest;
import dev.syngen.server.application.profile.ProfileService;
import dev.syngen.server.interfaces.view.EntityView;
import dev.syngen.server.interfaces.view.RunView;
import dev.syngen.server.interfaces.view.TargetView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Profile and clustering: pick a target and a table (or open the page from a finished run to pick
 * one of its entities), profile a bounded sample, and see each column's profile and the clusters
 * the chosen method finds, with their silhouette, sizes, centres and separating columns.
 */
@Named
@ViewScoped
public class ProfileBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<String> READABLE =
      Set.of("csv", "ndjson", "sqlite", "postgres", "postgresql", "mariadb", "mysql", "clickhouse");

  @Inject ConsoleFacade facade;
  @Inject ProfileService profiles;

  private String run;
  private List<EntityView> runEntities = List.of();
  private String target;
  private String table;
  private Integer sample = 5_000;
  private Integer k = 10;
  private String method = "kmeans";
  private Integer clusters = 3;
  private Double eps;
  private Integer minPoints = 5;
  private ProfileView profile;

  /** Opened from a run (?run=ID): its target and the tables of its entities are offered. */
  public void load() {
    if (run == null || run.isBlank() || target != null) {
      return;
    }
    try {
      RunView r = facade.run(run);
      target = r.targetId();
      runEntities = r.entities();
      table = runEntities.isEmpty() ? null : runEntities.get(runEntities.size() - 1).table();
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  /** The targets a profile can read. */
  public List<TargetView> getTargets() {
    return facade.targets().stream().filter(t -> READABLE.contains(t.kind())).toList();
  }

  public List<String> getMethods() {
    return List.of("kmeans", "dbscan", "hierarchical");
  }

  public void profile() {
    Problems problems = new Problems();
    if (target == null || target.isBlank()) {
      problems.add("target", "is missing", "pick a target that holds the table");
    }
    ProfileRequest r =
        ProfileRequest.of(table, sample, k, method, clusters, eps, minPoints, problems);
    if (!problems.isEmpty()) {
      problems.list().forEach(p -> Pages.error("profile:" + field(p.path()), p.toString()));
      return;
    }
    try {
      long started = System.nanoTime();
      profile = ProfileView.of(profiles.profile(target, r));
      Pages.info(
          "Profiled "
              + profile.sampled()
              + " of "
              + profile.rows()
              + " rows of "
              + profile.table()
              + " in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms.");
    } catch (RuntimeException e) {
      profile = null;
      Pages.error(null, ConsoleErrors.message(e));
    }
  }

  private static String field(String path) {
    return path.equals("min_points") ? "minPoints" : path;
  }

  public ProfileView getProfile() {
    return profile;
  }

  public List<EntityView> getRunEntities() {
    return runEntities;
  }

  public String getRun() {
    return run;
  }

  public void setRun(String run) {
    this.run = run;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getTable() {
    return table;
  }

  public void setTable(String table) {
    this.table = table;
  }

  public Integer getSample() {
    return sample;
  }

  public void setSample(Integer sample) {
    this.sample = sample;
  }

  public Integer getK() {
    return k;
  }

  public void setK(Integer k) {
    this.k = k;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public Integer getClusters() {
    return clusters;
  }

  public void setClusters(Integer clusters) {
    this.clusters = clusters;
  }

  public Double getEps() {
    return eps;
  }

  public void setEps(Double eps) {
    this.eps = eps;
  }

  public Integer getMinPoints() {
    return minPoints;
  }

  public void setMinPoints(Integer minPoints) {
    this.minPoints = minPoints;
  }
}
