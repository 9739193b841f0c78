package dev.syngen.server.interfaces.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The inspection level of this session — overview, detailed or debug — which controls how much
 * every page shows.
 */
@Named
@SessionScoped
public class Inspection implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final List<String> LEVELS = List.of("overview", "detailed", "debug");

  private String level = "detailed";

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = LEVELS.contains(level) ? level : "detailed";
  }

  public List<String> getLevels() {
    return LEVELS;
  }

  public boolean isDetailed() {
    return !"overview".equals(level);
  }

  public boolean isDebug() {
    return "debug".equals(level);
  }
}
