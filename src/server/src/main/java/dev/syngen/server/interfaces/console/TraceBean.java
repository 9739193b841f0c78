package dev.syngen.server.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The trace view of one run: its spans as this server recorded them (run, entities, sampled
 * writes), indented under their parents, with start offsets and durations.
 */
@Named
@RequestScoped
public class TraceBean {
  @Inject ConsoleFacade facade;

  private String run;
  private List<SpanLine> spans;

  public String getRun() {
    return run;
  }

  public void setRun(String run) {
    this.run = run;
  }

  public List<SpanLine> getSpans() {
    if (spans == null) {
      spans = run == null || run.isBlank() ? List.of() : SpanLine.of(facade.trace(run));
    }
    return spans;
  }

  /** The trace id of the run's spans, or "" when it has none here. */
  public String getTraceId() {
    return getSpans().isEmpty() ? "" : getSpans().get(0).traceId();
  }
}
