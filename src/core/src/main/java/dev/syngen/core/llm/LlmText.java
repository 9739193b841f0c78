package dev.syngen.core.llm;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text written by a language model, one completion per row: the prompt rendered with the row's
 * values, sent with a seed derived from the cell, remembered in the cache under the hash of what
 * was asked. A cell is thus a pure function of (seed, entity, column, row) once cached: reruns,
 * restarts and any partitioning read the same answers and send nothing.
 */
public final class LlmText implements Generator {
  static final String NAME = "llm_text";
  static final int MAX_PROMPT_CHARS = 32_768;
  private static final int SEED_DRAW = 0x11;

  /** The most rows asked ahead of the row being generated, per column and worker. */
  static final int MAX_WINDOW = 64;

  private final PromptTemplate prompt;
  private final String system;
  private final int maxTokens;
  private final double temperature;
  private final LlmRoute route;
  private final LlmService llm;
  private final LlmUsage.Column usage;
  private final long rows;
  private final int window;

  /** Rows asked ahead of the worker that will write them, until that worker takes the answer. */
  private final Map<Long, CompletableFuture<String>> ahead = new ConcurrentHashMap<>();

  private LlmText(
      PromptTemplate prompt,
      String system,
      int maxTokens,
      double temperature,
      LlmRoute route,
      LlmService llm,
      long key,
      long rows) {
    this.prompt = prompt;
    this.system = system;
    this.maxTokens = maxTokens;
    this.temperature = temperature;
    this.route = route;
    this.llm = llm;
    this.usage = llm.usage().column(key);
    this.rows = rows;
    this.window = Math.max(2, Math.min(MAX_WINDOW, route.primary().maxConcurrency() * 2));
  }

  /** The factory, bound to the providers, cache and mode of {@code llm}. */
  public static GeneratorFactory factory(LlmService llm) {
    return factory(() -> llm);
  }

  /**
   * The factory, bound to the service {@code llm} gives when the first {@code llm_text} column is
   * compiled: the command line reads its provider profiles and opens its answer cache only for a
   * plan that has such a column.
   */
  public static GeneratorFactory factory(java.util.function.Supplier<LlmService> llm) {
    return GeneratorFactory.of(
        NAME,
        "text written by an LLM, one cached completion per row; params: prompt (with {column}"
            + " placeholders), provider (id or [primary, fallback...]), max_tokens, temperature,"
            + " system; see docs/llm.md",
        ctx -> create(ctx, llm.get()));
  }

  private static Generator create(GeneratorContext ctx, LlmService llm) {
    Params p = ctx.params();
    String text = p.string("prompt", "\"Write a one-sentence review of {product_name}\"");
    List<String> ids = providers(p);
    long maxTokens = p.whole("max_tokens", "200", 200);
    double temperature = p.number("temperature", "0", 0);
    String system = p.string("system", "\"You write realistic product reviews.\"", "");
    if (maxTokens < 1 || maxTokens > 32_768) {
      p.problem("max_tokens", "must be between 1 and 32768", "set max_tokens, e.g. 200");
    }
    if (temperature < 0 || temperature > 2) {
      p.problem("temperature", "must be between 0 and 2", "set temperature: 0 for repeatable text");
    }
    if (text != null && text.length() > MAX_PROMPT_CHARS) {
      p.problem("prompt", "is longer than " + MAX_PROMPT_CHARS + " characters", "shorten it");
      text = null;
    }
    PromptTemplate template = text == null ? null : PromptTemplate.bind(text, "prompt", ctx);
    LlmRoute route = ids.isEmpty() ? null : llm.route(ids, p, "provider");
    p.reportUnknown(NAME);
    if (template == null || route == null || !p.ok()) {
      return null;
    }
    return new LlmText(
        template, system, (int) maxTokens, temperature, route, llm, ctx.key(), ctx.rows());
  }

  private static List<String> providers(Params p) {
    Object raw = p.raw("provider");
    List<String> ids = new ArrayList<>();
    if (raw instanceof String s && !s.isBlank()) {
      ids.add(s.trim());
    } else if (raw instanceof List<?> l && !l.isEmpty()) {
      l.forEach(v -> ids.add(String.valueOf(v).trim()));
    } else {
      p.problem(
          "provider",
          raw == null ? "is missing" : "must be a provider id or a list of them",
          "write provider: openai, or provider: [openai, local-ollama] for a fallback");
    }
    if (ids.stream().distinct().count() != ids.size()) {
      p.problem("provider", "names a provider twice", "list each provider once");
    }
    return ids;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  /**
   * The cell's text: from the cache, from a request already sent ahead, or asked now. A miss also
   * sends the requests for the next rows of the window ahead (rows a worker generates in order), so
   * a batch waits for about one round trip per window rather than one per row.
   */
  @Override
  public String stringAt(long key, long row) {
    CompletableFuture<String> sent = ahead.remove(row);
    if (sent != null) {
      sendAhead(key, row);
      return join(sent, row);
    }
    ChatRequest request = request(key, row);
    String cacheKey = CacheKey.of(request);
    Optional<ChatAnswer> cached = llm.cache().get(cacheKey);
    if (cached.isPresent()) {
      usage.hit();
      return cached.get().text();
    }
    if (llm.mode() == LlmService.Mode.OFFLINE) {
      throw new IllegalStateException(
          "llm_text has no cached answer for row "
              + row
              + " and the run is offline (--llm offline); run it once online to fill the cache,"
              + " or import the cache that made this dataset");
    }
    sendAhead(key, row);
    try {
      return ask(request, cacheKey);
    } catch (ChatFailure f) {
      throw failed(row, f);
    }
  }

  private ChatRequest request(long key, long row) {
    return new ChatRequest(
        route.primary().model(),
        system,
        prompt.render(row),
        maxTokens,
        temperature,
        CellRandom.bits(key, row, SEED_DRAW) & 0x7fff_ffffL);
  }

  private String ask(ChatRequest request, String cacheKey) {
    LlmRoute.Routed r = route.ask(request);
    usage.answered(r);
    return llm.cache().putIfAbsent(cacheKey, r.answer()).text();
  }

  /** Sends the rows after {@code row} in the window that are neither sent nor cached. */
  private void sendAhead(long key, long row) {
    long end = Math.min(rows, row + window);
    for (long r = row + 1; r < end; r++) {
      if (ahead.containsKey(r)) {
        continue;
      }
      ChatRequest request = request(key, r);
      String cacheKey = CacheKey.of(request);
      if (llm.cache().get(cacheKey).isPresent()) {
        continue;
      }
      CompletableFuture<String> f = new CompletableFuture<>();
      if (ahead.putIfAbsent(r, f) == null) {
        CompletableFuture.runAsync(
            () -> {
              try {
                f.complete(ask(request, cacheKey));
              } catch (RuntimeException e) {
                f.completeExceptionally(e);
              }
            },
            llm.senders());
      }
    }
  }

  private static String join(CompletableFuture<String> f, long row) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ChatFailure cf) {
        throw failed(row, cf);
      }
      throw e;
    }
  }

  private static IllegalStateException failed(long row, ChatFailure f) {
    return new IllegalStateException("llm_text at row " + row + ": " + f.getMessage(), f);
  }
}
