package dev.syngen.server.interfaces.console;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rows of a page's list as the page showed them. A postback finds the clicked button of a
 * {@code ui:repeat} row by the row's position in the list, read again when the click arrives; had
 * another admin changed the list since the page was shown, the click would decode on another row
 * (whose {@code rendered} conditions may differ) or, the list being shorter, on none, and be lost
 * without a word. So the phases before rendering read the list as it was rendered, kept in the
 * view; rendering reads it afresh, once per request. The buttons still post their row's id, which
 * is what the action acts on.
 */
final class RowsShown {
  private static final String PREFIX = RowsShown.class.getName() + ".";

  private RowsShown() {}

  /**
   * The list {@code key} as the page showed it while a postback is decoded and acted on, otherwise
   * {@code fresh}'s (read once per request). Without a view (a bean outside a page) always fresh.
   */
  @SuppressWarnings("unchecked")
  static <T> List<T> of(String key, Supplier<List<T>> fresh) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces == null || faces.getViewRoot() == null) {
      return fresh.get();
    }
    String name = PREFIX + key;
    Map<String, Object> request = faces.getExternalContext().getRequestMap();
    Map<String, Object> view = faces.getViewRoot().getViewMap();
    if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
      Object shown = view.get(name);
      if (shown != null) {
        return (List<T>) shown;
      }
    }
    Object read = request.get(name);
    if (read != null) {
      return (List<T>) read;
    }
    List<T> rows = List.copyOf(fresh.get());
    if (faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE) {
      request.put(name, rows);
      view.put(name, rows);
    }
    return rows;
  }
}
