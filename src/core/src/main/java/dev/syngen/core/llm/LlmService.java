package dev.syngen.core.llm;

import dev.syngen.core.generate.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What {@code llm_text} columns need at run time: the configured providers, the transport, the
 * answer cache, the mode (online, or offline: the cache only) and the usage of the current run. One
 * per run (or per command); provider clients, and so their limits and circuits, are shared by every
 * column of the run.
 */
public final class LlmService implements AutoCloseable {
  /** Whether requests may be sent, or only cached answers used. */
  public enum Mode {
    ONLINE,
    OFFLINE
  }

  private final Map<String, LlmProvider> providers;
  private final ChatTransport transport;
  private final LlmCache cache;
  private final Function<String, String> env;
  private final Mode mode;
  private final Map<String, ProviderClient> clients = new ConcurrentHashMap<>();
  private final LlmUsage usage = new LlmUsage();
  private volatile LlmBudget budget = LlmBudget.unlimited();
  private volatile LlmMeter meter = LlmMeter.NONE;

  /** The llm_text columns bound with this service, by stream key (the last binding wins). */
  private final Map<Long, LlmText> columns = new ConcurrentHashMap<>();

  /**
   * Sends the requests llm_text columns make ahead of the row being generated (daemon threads; the
   * providers' max_concurrency bounds what is in flight at each provider).
   */
  private final java.util.concurrent.ExecutorService senders =
      java.util.concurrent.Executors.newFixedThreadPool(
          64,
          r -> {
            Thread t = new Thread(r, "syngen-llm");
            t.setDaemon(true);
            return t;
          });

  public LlmService(
      Map<String, LlmProvider> providers,
      ChatTransport transport,
      LlmCache cache,
      Function<String, String> env,
      Mode mode) {
    this.providers = new TreeMap<>(providers);
    this.transport = transport;
    this.cache = cache;
    this.env = env;
    this.mode = mode;
  }

  /** No providers: every {@code llm_text} column is refused with a hint to configure one. */
  public static LlmService none() {
    return new LlmService(
        Map.of(),
        (p, k, r) -> {
          throw new ChatFailure(0, null, "no transport");
        },
        LlmCache.NONE,
        n -> null,
        Mode.OFFLINE);
  }

  public Map<String, LlmProvider> providers() {
    return providers;
  }

  public Mode mode() {
    return mode;
  }

  public LlmCache cache() {
    return cache;
  }

  java.util.concurrent.Executor senders() {
    return senders;
  }

  public LlmUsage usage() {
    return usage;
  }

  /** Caps what the run's requests may spend (set before the run starts). */
  public void budget(LlmBudget b) {
    this.budget = b;
  }

  public LlmBudget budget() {
    return budget;
  }

  /** Where every request and fallback value is reported (the server's metrics). */
  public void meter(LlmMeter m) {
    this.meter = m;
  }

  LlmMeter meter() {
    return meter;
  }

  /** Requests in flight by cache key, so a run never sends the same request twice at once. */
  private final Map<String, java.util.concurrent.CompletableFuture<ChatAnswer>> inFlight =
      new ConcurrentHashMap<>();

  Map<String, java.util.concurrent.CompletableFuture<ChatAnswer>> inFlight() {
    return inFlight;
  }

  void bound(long key, LlmText column) {
    columns.put(key, column);
  }

  /** The llm_text columns bound with this service, by stream key. */
  public Map<Long, LlmText> columns() {
    return new TreeMap<>(columns);
  }

  /**
   * What the llm_text columns bound so far will ask for, by stream key: the requests not already
   * answered in the cache, their tokens and cost (before anything is sent).
   */
  public Map<Long, LlmEstimate> estimate() {
    Map<Long, LlmEstimate> m = new TreeMap<>();
    columns.forEach((k, c) -> m.put(k, c.estimate()));
    return m;
  }

  /**
   * Refuses a run whose estimate passes its caps, before anything is sent: throws {@link
   * LlmCapReached} naming the cap, the estimate and the fix.
   */
  public void checkCaps(Map<Long, LlmEstimate> estimate) {
    LlmEstimate total = LlmEstimate.sum(estimate.values());
    LlmBudget b = budget;
    if (total.requests() > b.maxRequests()) {
      throw new LlmCapReached(
          "max_requests",
          "the plan needs "
              + total.requests()
              + " LLM requests, over max_requests "
              + b.maxRequests()
              + "; nothing was sent. Raise --max-requests (or max_requests), shrink the run, or"
              + " use mode: pool");
    }
    if (total.cost() > b.maxCost()) {
      throw new LlmCapReached(
          "max_cost",
          String.format(
              java.util.Locale.ROOT,
              "the plan may cost up to %.6f, over max_cost %.6f; nothing was sent. Raise --max-cost"
                  + " (or max_cost), shrink the run, or lower max_tokens",
              total.cost(),
              b.maxCost()));
    }
  }

  /**
   * The route through the named providers; records a problem under {@code param} for an unknown
   * provider or (online) a missing API key variable, and returns null then.
   */
  public LlmRoute route(List<String> ids, Params p, String param) {
    List<ProviderClient> route = new ArrayList<>();
    for (String id : ids) {
      LlmProvider provider = providers.get(id);
      if (provider == null) {
        p.problem(
            param,
            "no LLM provider '" + id + "'",
            providers.isEmpty()
                ? "add llm/" + id + ".yaml (see docs/llm.md)"
                : "use one of "
                    + String.join(", ", providers.keySet())
                    + " or add llm/"
                    + id
                    + ".yaml");
        continue;
      }
      if (mode == Mode.ONLINE
          && provider.apiKeyEnv() != null
          && isBlank(env.apply(provider.apiKeyEnv()))) {
        p.problem(
            param,
            "provider '"
                + id
                + "' reads its API key from "
                + provider.apiKeyEnv()
                + ", which is not set",
            "export "
                + provider.apiKeyEnv()
                + "=<key>, or run with --llm offline to use only cached answers");
        continue;
      }
      route.add(client(provider));
    }
    return p.ok() && !route.isEmpty() ? new LlmRoute(route) : null;
  }

  /**
   * One tiny request to one provider, past the cache, for {@code syngen llm test}: throws an
   * IllegalArgumentException for an unknown provider or a missing key, a ChatFailure if it fails.
   */
  public LlmRoute.Routed probe(String id) {
    LlmProvider p = providers.get(id);
    if (p == null) {
      throw new IllegalArgumentException(
          "no LLM provider '"
              + id
              + "'; configured: "
              + (providers.isEmpty()
                  ? "none (see docs/llm.md)"
                  : String.join(", ", providers.keySet())));
    }
    if (p.apiKeyEnv() != null && isBlank(env.apply(p.apiKeyEnv()))) {
      throw new IllegalArgumentException(
          "provider '"
              + id
              + "' reads its API key from "
              + p.apiKeyEnv()
              + ", which is not set; export it first");
    }
    return new LlmRoute(List.of(client(p)))
        .ask(new ChatRequest(p.model(), "", "Reply with the single word: ok", 5, 0, 0));
  }

  private ProviderClient client(LlmProvider provider) {
    return clients.computeIfAbsent(provider.id(), id -> open(provider));
  }

  /**
   * A provider's client; online, the transport is warmed up in the background meanwhile (nothing is
   * sent), so the run's first requests do not pay for the HTTP client's start-up.
   */
  private ProviderClient open(LlmProvider provider) {
    if (mode == Mode.ONLINE) {
      try {
        senders.execute(
            () -> {
              try {
                transport.warmUp(provider);
              } catch (RuntimeException e) {
                // only a head start: the first request sets the same things up and reports failures
              }
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // the service is closed already
      }
    }
    return new ProviderClient(
        provider, transport, env, System::currentTimeMillis, () -> budget, () -> meter);
  }

  /** Stops the threads that send requests ahead; a long-lived server closes each run's service. */
  @Override
  public void close() {
    senders.shutdownNow();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
