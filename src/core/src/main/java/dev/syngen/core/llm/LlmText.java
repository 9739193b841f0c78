package dev.syngen.core.llm;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.ValueKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text written by a language model, in one of two modes. {@code pool} (the default) asks once per
 * distinct prompt for a pool of {@code pool_size} distinct values, in batches of {@code pool_batch}
 * per request, and each cell picks a value by its own cell hash: generation then runs at a
 * dictionary generator's speed. {@code per_row} asks one completion per row with the row's values
 * in the prompt and a seed derived from the cell. Every answer is remembered in the cache under the
 * hash of what was asked, so a cell is a pure function of (seed, entity, column, row) once cached:
 * reruns, restarts and any partitioning read the same answers and send nothing. A declared {@code
 * fallback} generator writes the cells no provider answers.
 */
public final class LlmText implements Generator {
  static final String NAME = "llm_text";
  static final int MAX_PROMPT_CHARS = 32_768;
  private static final int SEED_DRAW = 0x11;
  private static final int POOL_DRAW = 0x12;

  /** The most rows asked ahead of the row being generated, per column and worker. */
  static final int MAX_WINDOW = 64;

  static final int DEFAULT_POOL_SIZE = 100;
  static final int MAX_POOL_SIZE = 10_000;
  static final int DEFAULT_POOL_BATCH = 50;
  static final int MAX_POOL_BATCH = 200;
  static final int DEFAULT_MAX_POOLS = 100;

  /** Rows an estimate reads before it extrapolates from a sample. */
  static final int ESTIMATE_ROWS = 200_000;

  /** The two ways of asking. */
  enum Mode {
    POOL,
    PER_ROW
  }

  private final Mode mode;
  private final PromptTemplate prompt;
  private final String system;
  private final int maxTokens;
  private final double temperature;
  private final AnswerSchema schema;
  private final Generator fallback;
  private final String fallbackName;
  private final long fallbackKey;
  private final int poolSize;
  private final int poolBatch;
  private final int maxPools;
  private final LlmRoute route;
  private final LlmService llm;
  private final LlmUsage.Column usage;
  private final long key;
  private final long rows;
  private final int window;

  /** Rows asked ahead of the worker that will write them, until that worker takes the answer. */
  private final Map<Long, CompletableFuture<String>> ahead = new ConcurrentHashMap<>();

  /** Pool mode: the pools by rendered prompt; {@link #onlyPool} when the prompt reads no column. */
  private final Map<String, Pool> pools = new ConcurrentHashMap<>();

  private final Pool onlyPool;

  private LlmText(Bound b, LlmService llm, long key, long rows) {
    this.mode = b.mode;
    this.prompt = b.prompt;
    this.system = b.system;
    this.maxTokens = b.maxTokens;
    this.temperature = b.temperature;
    this.schema = b.schema;
    this.fallback = b.fallback;
    this.fallbackName = b.fallbackName;
    this.fallbackKey = CellRandom.mix(key ^ 0x6c6c6d5f66616c6cL);
    this.poolSize = b.poolSize;
    this.poolBatch = b.poolBatch;
    this.maxPools = b.maxPools;
    this.route = b.route;
    this.llm = llm;
    this.usage = llm.usage().column(key);
    this.key = key;
    this.rows = rows;
    this.window = Math.max(2, Math.min(MAX_WINDOW, route.primary().maxConcurrency() * 2));
    this.onlyPool = mode == Mode.POOL && prompt.constant() ? new Pool(prompt.render(0)) : null;
  }

  /** What a column's parameters say, once checked. */
  private record Bound(
      Mode mode,
      PromptTemplate prompt,
      String system,
      int maxTokens,
      double temperature,
      AnswerSchema schema,
      Generator fallback,
      String fallbackName,
      int poolSize,
      int poolBatch,
      int maxPools,
      LlmRoute route) {}

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
        "text written by an LLM; mode pool (default: pool_size values asked once, picked per cell)"
            + " or per_row (one cached completion per row); params: prompt (with {column}"
            + " placeholders), provider (id or [primary, fallback...]), max_tokens, temperature,"
            + " system, json_schema, fallback, pool_size, pool_batch, max_pools; see docs/llm.md",
        ctx -> create(ctx, llm.get()));
  }

  private static Generator create(GeneratorContext ctx, LlmService llm) {
    Params p = ctx.params();
    String modeName = p.string("mode", "pool", "pool");
    Mode mode =
        switch (modeName == null ? "" : modeName.trim().toLowerCase(Locale.ROOT)) {
          case "pool" -> Mode.POOL;
          case "per_row" -> Mode.PER_ROW;
          default -> {
            p.problem(
                "mode",
                "'" + modeName + "' is not a mode",
                "use pool (a pool of values asked once, picked per cell) or per_row (one"
                    + " completion per row, with the row's values in the prompt)");
            yield Mode.POOL;
          }
        };
    String text = p.string("prompt", "\"Write a one-sentence review of {product_name}\"");
    List<String> ids = providers(p);
    long maxTokens = p.whole("max_tokens", "200", 200);
    double temperature = p.number("temperature", "0", mode == Mode.POOL ? 1 : 0);
    String system = p.string("system", "\"You write realistic product reviews.\"", "");
    if (maxTokens < 1 || maxTokens > 32_768) {
      p.problem("max_tokens", "must be between 1 and 32768", "set max_tokens, e.g. 200");
    }
    if (temperature < 0 || temperature > 2) {
      p.problem("temperature", "must be between 0 and 2", "set temperature: 0 for repeatable text");
    }
    long poolSize = bounded(p, "pool_size", DEFAULT_POOL_SIZE, MAX_POOL_SIZE, mode);
    long poolBatch = bounded(p, "pool_batch", DEFAULT_POOL_BATCH, MAX_POOL_BATCH, mode);
    long maxPools = bounded(p, "max_pools", DEFAULT_MAX_POOLS, 100_000, mode);
    if (text != null && text.length() > MAX_PROMPT_CHARS) {
      p.problem("prompt", "is longer than " + MAX_PROMPT_CHARS + " characters", "shorten it");
      text = null;
    }
    AnswerSchema schema =
        p.has("json_schema") ? AnswerSchema.read(p.raw("json_schema"), p, "json_schema") : null;
    Generator fallback =
        p.has("fallback")
            ? ctx.nested("fallback", p.raw("fallback"), ColumnType.TEXT, ctx.key())
            : null;
    if (fallback != null && fallback.kind() != ValueKind.STRING) {
      p.problem("fallback", "must write text", "use e.g. fallback: faker_sentence");
    }
    PromptTemplate template = text == null ? null : PromptTemplate.bind(text, "prompt", ctx);
    LlmRoute route = ids.isEmpty() ? null : llm.route(ids, p, "provider");
    p.reportUnknown(NAME);
    if (template == null || route == null || (p.has("fallback") && fallback == null) || !p.ok()) {
      return null;
    }
    LlmText t =
        new LlmText(
            new Bound(
                mode,
                template,
                system,
                (int) maxTokens,
                temperature,
                schema,
                fallback,
                fallback == null ? null : generatorName(p.raw("fallback")),
                (int) poolSize,
                (int) Math.min(poolBatch, poolSize),
                (int) maxPools,
                route),
            llm,
            ctx.key(),
            ctx.rows());
    llm.bound(ctx.key(), t);
    return t;
  }

  private static String generatorName(Object spec) {
    return spec instanceof Map<?, ?> m ? String.valueOf(m.get("type")) : String.valueOf(spec);
  }

  /** pool or per_row. */
  public String mode() {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  /** The declared fallback generator's type, or null. */
  public String fallbackName() {
    return fallbackName;
  }

  /** The rows this column writes (its entity's row count). */
  public long rows() {
    return rows;
  }

  /**
   * How many of the column's rows an offline pass reads from the cache; the fallback writes the
   * others. Reads what the cells will read (in pool mode it fills the pools from the cache, so the
   * cells reuse them) and sends nothing: only for a service in offline mode, and for a column with
   * a fallback (without one a miss has no value to count). Throws an IllegalStateException when a
   * pool-mode prompt renders more than max_pools prompts.
   */
  public long cachedRows() {
    if (llm.mode() != LlmService.Mode.OFFLINE || fallback == null) {
      throw new IllegalStateException("cachedRows() needs an offline service and a fallback");
    }
    if (onlyPool != null) {
      return onlyPool.values() == null ? 0 : rows;
    }
    long cached = 0;
    for (long r = 0; r < rows; r++) {
      boolean hit =
          mode == Mode.POOL
              ? pool(prompt.render(r)).values() != null
              : llm.cache().get(CacheKey.of(request(key, r))).isPresent();
      if (hit) {
        cached++;
      }
    }
    return cached;
  }

  /** The ids of the providers asked, primary first. */
  public List<String> providers() {
    return route.ids();
  }

  private static long bounded(Params p, String name, long dflt, long max, Mode mode) {
    if (!p.has(name)) {
      return dflt;
    }
    long v = p.whole(name, String.valueOf(dflt), dflt);
    if (mode != Mode.POOL) {
      p.problem(name, "applies to mode: pool only", "remove it, or set mode: pool");
    } else if (v < 1 || v > max) {
      p.problem(name, "must be between 1 and " + max, "set " + name + ", e.g. " + dflt);
    }
    return v;
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

  @Override
  public String stringAt(long key, long row) {
    return mode == Mode.POOL ? pooled(row) : perRow(key, row);
  }

  // ---- pool mode

  /** The cell's pick from its prompt's pool, or the fallback's value if the pool has none. */
  private String pooled(long row) {
    Pool pool = onlyPool != null ? onlyPool : pool(prompt.render(row));
    List<String> values = pool.values();
    if (values == null) {
      return fellBack(row);
    }
    return values.get((int) CellRandom.below(key, row, POOL_DRAW, values.size()));
  }

  private Pool pool(String rendered) {
    Pool p = pools.get(rendered);
    if (p != null) {
      return p;
    }
    if (pools.size() >= maxPools) {
      throw new IllegalStateException(
          "llm_text (mode: pool) renders more than max_pools "
              + maxPools
              + " distinct prompts; raise max_pools, or use mode: per_row for prompts that read"
              + " many values");
    }
    return pools.computeIfAbsent(rendered, Pool::new);
  }

  /** The values one rendered prompt asks for: filled once, by the first cell that needs them. */
  private final class Pool {
    private final String rendered;
    private volatile List<String> values;
    private volatile RuntimeException failure;
    private volatile boolean failedOver;

    Pool(String rendered) {
      this.rendered = rendered;
    }

    /** The pool's values; null when no provider answered and the fallback writes the cells. */
    List<String> values() {
      List<String> v = values;
      if (v != null) {
        return v;
      }
      synchronized (this) {
        if (values == null && failure == null && !failedOver) {
          fill();
        }
      }
      if (failure != null) {
        throw failure;
      }
      return values;
    }

    private void fill() {
      int needed = (poolSize + poolBatch - 1) / poolBatch;
      int most = needed * 2 + 1; // room for batches that repeat values of earlier ones
      Set<String> distinct = new java.util.LinkedHashSet<>();
      try {
        List<CompletableFuture<List<String>>> first = new ArrayList<>();
        for (int b = 0; b < needed; b++) {
          int batch = b;
          first.add(CompletableFuture.supplyAsync(() -> batch(batch), llm.senders()));
        }
        for (CompletableFuture<List<String>> f : first) {
          distinct.addAll(joinValues(f));
        }
        for (int b = needed; distinct.size() < poolSize && b < most; b++) {
          distinct.addAll(batch(b));
        }
        values =
            List.copyOf(new ArrayList<>(distinct).subList(0, Math.min(poolSize, distinct.size())));
      } catch (ChatFailure | OfflineMiss e) {
        if (fallback == null) {
          failure =
              new IllegalStateException(
                  "llm_text (mode: pool) cannot fill its pool: "
                      + e.getMessage()
                      + (e instanceof ChatFailure
                          ? "; declare a fallback generator (fallback: faker_sentence) to write"
                              + " such cells without a provider"
                          : ""),
                  e);
        } else {
          failedOver = true;
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    private List<String> joinValues(CompletableFuture<List<String>> f) {
      try {
        return f.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }

    /** Batch {@code b} of the pool: from the cache, or asked now. */
    private List<String> batch(int b) {
      ChatRequest request = poolRequest(rendered, b);
      String cacheKey = CacheKey.of(request);
      Optional<ChatAnswer> cached = llm.cache().get(cacheKey);
      if (cached.isPresent()) {
        usage.hit();
        return poolValues(cached.get().text());
      }
      if (llm.mode() == LlmService.Mode.OFFLINE) {
        throw new OfflineMiss(
            "no cached answer for batch "
                + b
                + " of the pool and the run is offline (--llm offline); run it once online to"
                + " fill the cache, or import the cache that made this dataset");
      }
      LlmRoute.Routed r = route.ask(request, a -> poolProblem(a.text()));
      answered(r);
      return poolValues(llm.cache().putIfAbsent(cacheKey, r.answer()).text());
    }
  }

  /** What pool batch {@code b} of {@code rendered} asks: its prompt, schema and seed. */
  ChatRequest poolRequest(String rendered, int b) {
    String ask =
        rendered
            + "\n\nWrite "
            + poolBatch
            + " different answers to the request above"
            + (b == 0 ? "" : " (set " + (b + 1) + ": unlike the answers of other sets)")
            + ". Reply with a JSON object {\"values\": [...]} whose values array holds exactly "
            + poolBatch
            + (schema == null
                ? " strings, one answer each."
                : " JSON values, each fitting the schema.");
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("type", "array");
    values.put("items", schema == null ? Map.of("type", "string") : schema.tree());
    values.put("minItems", poolBatch);
    values.put("maxItems", poolBatch);
    Map<String, Object> wrapper = new java.util.LinkedHashMap<>();
    wrapper.put("type", "object");
    wrapper.put("properties", Map.of("values", values));
    wrapper.put("required", List.of("values"));
    wrapper.put("additionalProperties", false);
    long seed = CellRandom.mix(CellRandom.mix(rendered.hashCode()) ^ b) & 0x7fff_ffffL;
    return new ChatRequest(
        route.primary().model(),
        system,
        ask,
        (int) Math.min(32_768L, (long) maxTokens * poolBatch + 16),
        temperature,
        seed,
        JsonText.write(wrapper),
        false);
  }

  /** The values array of a pool answer ({"values": [...]}, or a bare array), or null. */
  private static List<?> items(Object answer) {
    if (answer instanceof List<?> l) {
      return l;
    }
    if (answer instanceof Map<?, ?> m) {
      if (m.get("values") instanceof List<?> l) {
        return l;
      }
      for (Object v : m.values()) {
        if (v instanceof List<?> l) {
          return l;
        }
      }
    }
    return null;
  }

  /** What is wrong with a pool answer, or null. */
  private String poolProblem(String text) {
    List<?> items;
    try {
      items = items(JsonText.parse(text));
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (items == null || items.isEmpty()) {
      return "no values array with at least one value";
    }
    for (int i = 0; i < items.size(); i++) {
      Object v = items.get(i);
      String wrong =
          schema == null
              ? (v instanceof String s && !s.isBlank() ? null : "$ is not text")
              : schema.check(v);
      if (wrong != null) {
        return wrong.replace("$", "$.values[" + i + "]");
      }
    }
    return null;
  }

  /** A pool answer's values as cell text: strings as they are, other values as compact JSON. */
  private List<String> poolValues(String text) {
    String wrong = poolProblem(text);
    if (wrong != null) {
      throw new ChatFailure(ProviderClient.INVALID_ANSWER, null, "cached pool answer: " + wrong);
    }
    List<String> out = new ArrayList<>();
    for (Object v : items(JsonText.parse(text))) {
      out.add(v instanceof String s ? s.strip() : JsonText.write(v));
    }
    return out;
  }

  // ---- per-row mode

  /**
   * The cell's text: from the cache, from a request already sent ahead, or asked now. A miss also
   * sends the requests for the next rows of the window ahead (rows a worker generates in order), so
   * a batch waits for about one round trip per window rather than one per row.
   */
  private String perRow(long key, long row) {
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
      return cellText(cached.get().text());
    }
    if (llm.mode() == LlmService.Mode.OFFLINE) {
      if (fallback != null) {
        return fellBack(row);
      }
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
      return failed(row, f);
    }
  }

  ChatRequest request(long key, long row) {
    return new ChatRequest(
        route.primary().model(),
        system,
        prompt.render(row),
        maxTokens,
        temperature,
        CellRandom.bits(key, row, SEED_DRAW) & 0x7fff_ffffL,
        schema == null ? null : schema.json(),
        false);
  }

  /**
   * Asks for one row's answer, once per run however many workers need it at the same time (two
   * workers' windows meet at a partition boundary): the others wait for the request in flight and
   * count a cache hit, so the run sends what the plan's estimate counted and no more.
   */
  private String ask(ChatRequest request, String cacheKey) {
    CompletableFuture<ChatAnswer> mine = new CompletableFuture<>();
    CompletableFuture<ChatAnswer> other = llm.inFlight().putIfAbsent(cacheKey, mine);
    if (other != null) {
      usage.hit();
      return cellText(joinAnswer(other));
    }
    try {
      Optional<ChatAnswer> cached = llm.cache().get(cacheKey); // answered since we looked
      ChatAnswer kept;
      if (cached.isPresent()) {
        usage.hit();
        kept = cached.get();
      } else {
        LlmRoute.Routed r =
            route.ask(request, schema == null ? a -> null : a -> rowProblem(a.text()));
        answered(r);
        kept = llm.cache().putIfAbsent(cacheKey, r.answer());
      }
      mine.complete(kept);
      return cellText(kept.text());
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      llm.inFlight().remove(cacheKey, mine);
    }
  }

  private static String joinAnswer(CompletableFuture<ChatAnswer> f) {
    try {
      return f.join().text();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private String rowProblem(String text) {
    try {
      return schema.check(JsonText.parse(text));
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** An answer as the cell holds it: the text, or a structured answer as compact JSON. */
  private String cellText(String answer) {
    return schema == null ? answer : JsonText.write(JsonText.parse(answer));
  }

  private void answered(LlmRoute.Routed r) {
    usage.answered(r);
    if (r.fallback()) {
      llm.meter().fellBack(route.primary().id(), 1);
    }
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

  private String join(CompletableFuture<String> f, long row) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ChatFailure cf) {
        return failed(row, cf);
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** No provider answered the row: the fallback's value, or the run fails naming the row. */
  private String failed(long row, ChatFailure f) {
    if (fallback != null) {
      return fellBack(row);
    }
    throw new IllegalStateException(
        "llm_text at row "
            + row
            + ": "
            + f.getMessage()
            + "; declare a fallback generator (fallback: faker_sentence) to write such cells"
            + " without a provider",
        f);
  }

  private String fellBack(long row) {
    usage.fellBack(1);
    llm.meter().fellBack(route.primary().id(), 1);
    return fallback.stringAt(fallbackKey, row);
  }

  /** An offline run met a request the cache does not answer. */
  private static final class OfflineMiss extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OfflineMiss(String message) {
      super(message);
    }
  }

  // ---- estimate

  /** What this column will ask for before anything is sent (see {@link LlmEstimate}). */
  LlmEstimate estimate() {
    LlmProvider primary = route.primary();
    long requests = 0, cached = 0, in = 0, out = 0, pools = 0;
    boolean exact = true;
    if (mode == Mode.POOL) {
      Set<String> prompts = new HashSet<>();
      if (prompt.constant()) {
        prompts.add(prompt.render(0));
      } else {
        long scan = Math.min(rows, ESTIMATE_ROWS);
        exact = scan == rows;
        for (long r = 0; r < scan; r++) {
          prompts.add(prompt.render(r));
        }
      }
      if (prompts.size() > maxPools) {
        throw new LlmCapReached(
            "max_pools",
            "llm_text (mode: pool) renders "
                + (exact ? "" : "at least ")
                + prompts.size()
                + " distinct prompts, more than max_pools "
                + maxPools
                + "; nothing was sent. Raise max_pools, or use mode: per_row for prompts that read"
                + " many values");
      }
      int needed = (poolSize + poolBatch - 1) / poolBatch;
      for (String p : prompts) {
        pools++;
        for (int b = 0; b < needed; b++) {
          ChatRequest req = poolRequest(p, b);
          if (llm.cache().get(CacheKey.of(req)).isPresent()) {
            cached++;
          } else {
            requests++;
            in += Math.round(ProviderClient.estimatedTokens(req)) - req.maxTokens();
            out += req.maxTokens();
          }
        }
      }
    } else {
      long step = Math.max(1, (rows + ESTIMATE_ROWS - 1) / ESTIMATE_ROWS);
      exact = step == 1;
      for (long r = 0; r < rows; r += step) {
        ChatRequest req = request(key, r);
        if (llm.cache().get(CacheKey.of(req)).isPresent()) {
          cached += step;
        } else {
          requests += step;
          in += step * (Math.round(ProviderClient.estimatedTokens(req)) - req.maxTokens());
          out += step * req.maxTokens();
        }
      }
      if (!exact) {
        requests = Math.min(requests, rows);
        cached = rows - requests;
      }
    }
    return new LlmEstimate(
        mode.name().toLowerCase(Locale.ROOT),
        requests,
        cached,
        in,
        out,
        primary.cost(in, out),
        pools,
        exact);
  }
}
