package dev.syngen.server.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContextWrapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The Faces context of a bean test: it only records the messages a bean adds for its page, and is
 * the current one on this thread until closed.
 */
final class RecordedMessages extends FacesContextWrapper implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();

  RecordedMessages() {
    super(null);
    setCurrentInstance(this);
  }

  @Override
  public void addMessage(String clientId, FacesMessage message) {
    String severity = message.getSeverity() == FacesMessage.SEVERITY_ERROR ? "ERROR" : "INFO";
    lines.add(severity + " " + message.getSummary());
  }

  /** No view: a bean under test reads its lists afresh (RowsShown). */
  @Override
  public jakarta.faces.component.UIViewRoot getViewRoot() {
    return null;
  }

  /** Each message as its severity, a space and its text, in the order they were added. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    setCurrentInstance(null);
  }
}
