package dev.syngen.server.interfaces.console;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.regex.Pattern;

/**
 * The console's live socket. The browser may send {@code watch:<run id>} to also receive that run;
 * everything else it receives is pushed by {@link LiveUpdates}. {@link ConsoleFilter} lets only
 * signed-in users open it.
 */
@ServerEndpoint("/console/live")
public class LiveEndpoint {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  @OnOpen
  public void open(Session s) {
    updates().join(s);
  }

  @OnMessage
  public void message(Session s, String text) {
    if (text.startsWith("watch:") && RUN_ID.matcher(text.substring(6)).matches()) {
      s.getUserProperties().put(LiveUpdates.WATCH, text.substring(6));
    }
  }

  @OnClose
  public void close(Session s) {
    updates().leave(s);
  }

  @OnError
  public void error(Session s, Throwable t) {
    updates().leave(s);
  }

  private static LiveUpdates updates() {
    return CDI.current().select(LiveUpdates.class).get();
  }
}
