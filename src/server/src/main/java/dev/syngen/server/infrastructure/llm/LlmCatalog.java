package dev.syngen.server.infrastructure.llm;

import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.builtin.CorpusPick;
import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmCache;
import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmText;
import dev.syngen.io.llm.FileLlmCache;
import dev.syngen.io.llm.OpenAiChatTransport;
import dev.syngen.io.yaml.LlmFiles;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.corpus.CorpusLibrary;
import dev.syngen.server.infrastructure.metrics.LlmMetrics;
import dev.syngen.server.infrastructure.persistence.JpaLlmAnswers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The server's LLM providers: the profiles in {@code syngen.llm.dir}, read again for every run and
 * request (like targets/, a changed profile needs no restart), one transport and one answer cache
 * in the run-history database ({@link HistoryLlmCache}), shared by every server that uses it. API
 * keys are read from the server's environment when a request is sent; nothing here holds one.
 */
@ApplicationScoped
public class LlmCatalog {
  @Inject SyngenSettings settings;
  @Inject LlmMetrics metrics;

  private static final Logger LOG = Logger.getLogger(LlmCatalog.class.getName());

  /** Answers held in memory besides the database: about 10 MB of typical review-length texts. */
  private static final int MEMORY_ENTRIES = 20_000;

  private final OpenAiChatTransport transport = new OpenAiChatTransport();
  @Inject CorpusLibrary corpora;
  @Inject JpaLlmAnswers answers;

  private GeneratorRegistry builtins;
  private LlmCache cache;
  private boolean adopted; // guarded by this

  @PostConstruct
  void open() {
    builtins = GeneratorRegistry.builtins().with(CorpusPick.factory(corpora));
    // the system clock, not the produced one: CoreBeans, which produces it, needs this bean first
    cache = new HistoryLlmCache(answers, Clock.systemUTC(), MEMORY_ENTRIES);
  }

  /**
   * Adds the answers of a cache directory (an earlier server's {@code syngen.llm.cache-dir}, or a
   * command line's copied there) that the shared cache lacks; the first answer stored wins, as
   * always. Unreadable entries are logged and skipped: the cache only saves requests.
   */
  private void adoptDirectory(FileLlmCache dir) {
    try {
      long added = 0;
      for (String key : dir.keys()) {
        if (cache.get(key).isEmpty()) {
          dir.get(key).ifPresent(a -> cache.putIfAbsent(key, a));
          added++;
        }
      }
      if (added > 0) {
        LOG.info(
            "added " + added + " LLM answers from " + dir.directory() + " to the shared cache");
      }
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warning("the LLM answers in " + dir.directory() + " were not all added: " + e);
    }
  }

  /**
   * The answer cache every run and test of this server reads and fills; the first call adds the
   * answers of {@code syngen.llm.cache-dir}, so server start-up never walks that directory.
   */
  public LlmCache cache() {
    synchronized (this) {
      if (!adopted) {
        adopted = true;
        adoptDirectory(new FileLlmCache(settings.llmCacheDir()));
      }
    }
    return cache;
  }

  /** The provider profiles by id; throws a ValidationException naming a broken file. */
  public Map<String, LlmProvider> providers() {
    return LlmFiles.read(settings.llmDir());
  }

  /** Whether the named variable holds a key (never the key itself). */
  public boolean keySet(String variable) {
    String v = variable == null ? null : key(variable);
    return v != null && !v.isBlank();
  }

  /**
   * A key by the name a profile gives: the server's environment variable, else a Java system
   * property of that name (jvm.options), read when a request is sent and never kept.
   */
  private static String key(String name) {
    String v = System.getenv(name);
    return v != null ? v : System.getProperty(name);
  }

  /** A service over the current profiles, for one run or one test; close it when done. */
  public LlmService service(LlmService.Mode mode) {
    LlmService s = new LlmService(providers(), transport, cache(), LlmCatalog::key, mode);
    if (metrics != null) {
      s.meter(metrics.meter());
    }
    return s;
  }

  /** The LLM side of a run in {@code mode}; close it when the run ends. */
  public RunLlm forRun(LlmService.Mode mode) {
    return forRun(mode, LlmBudget.unlimited());
  }

  /** The LLM side of a run in {@code mode} whose requests may spend at most {@code budget}. */
  public RunLlm forRun(LlmService.Mode mode, LlmBudget budget) {
    return new RunLlm(
        () -> {
          LlmService s = service(mode);
          s.budget(budget);
          return s;
        },
        mode,
        budget);
  }

  /** The built-in generators and {@code corpus}, plus {@code llm_text} bound to {@code llm}. */
  public GeneratorRegistry generators(RunLlm llm) {
    return builtins.with(llm.factory());
  }

  /**
   * {@code llm_text} for checking scenarios outside a run (catalogue, validation): offline over the
   * current profiles, so it checks prompts and provider ids without needing a key or sending.
   */
  public GeneratorFactory checkingFactory() {
    GeneratorFactory shape = LlmText.factory(LlmService.none());
    return GeneratorFactory.of(
        shape.name(),
        shape.summary(),
        ctx -> {
          try (RunLlm llm = forRun(LlmService.Mode.OFFLINE)) {
            return llm.factory().create(ctx);
          }
        });
  }
}
