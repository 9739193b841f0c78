package dev.syngen.core.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered routing list: the primary provider, then fallbacks. Each request goes to the first
 * provider whose circuit is closed (or due a trial); a provider that fails it passes the request on
 * to the next one.
 */
public final class LlmRoute {
  /** An answer and who gave it. */
  public record Routed(
      ChatAnswer answer, LlmProvider provider, long latencyNanos, boolean fallback) {}

  private final List<ProviderClient> clients;

  LlmRoute(List<ProviderClient> clients) {
    this.clients = List.copyOf(clients);
  }

  /** The primary provider: its model is the one the cache key names. */
  public LlmProvider primary() {
    return clients.get(0).provider();
  }

  public List<String> ids() {
    return clients.stream().map(c -> c.provider().id()).toList();
  }

  /** Asks the first provider that answers; throws naming every provider's failure otherwise. */
  public Routed ask(ChatRequest request) {
    return ask(request, a -> null);
  }

  /**
   * Asks the first provider whose answer {@code check} accepts (null: nothing wrong); throws naming
   * every provider's failure otherwise, and {@link LlmCapReached} as soon as the budget is spent.
   */
  public Routed ask(ChatRequest request, java.util.function.Function<ChatAnswer, String> check) {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      ProviderClient c = clients.get(i);
      if (!c.breaker().allow()) {
        failures.add(c.provider().id() + ": " + c.circuitOpen());
        continue;
      }
      try {
        ProviderClient.Sent s = c.ask(request, check);
        return new Routed(s.answer(), c.provider(), s.latencyNanos(), i > 0);
      } catch (ChatFailure f) {
        failures.add(c.provider().id() + ": " + f.getMessage());
      }
    }
    throw new ChatFailure(0, null, "no provider answered (" + String.join("; ", failures) + ")");
  }
}
