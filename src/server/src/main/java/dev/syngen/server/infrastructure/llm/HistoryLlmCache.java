package dev.syngen.server.infrastructure.llm;

import dev.syngen.core.llm.ChatAnswer;
import dev.syngen.core.llm.LlmCache;
import dev.syngen.server.infrastructure.persistence.JpaLlmAnswers;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's llm_text answers: in the run-history database, so every server that shares it (a
 * dispatcher and its executors, a restarted server, a second replica) reads what any of them paid
 * for, with the most recently used answers of this server held in memory. The first answer stored
 * for a key wins everywhere: a writer that loses the race reads and returns the winner's, so two
 * servers asking the same thing at once still write the same data.
 */
public final class HistoryLlmCache implements LlmCache {
  private final JpaLlmAnswers store;
  private final Clock clock;
  private final Map<String, ChatAnswer> recent;

  public HistoryLlmCache(JpaLlmAnswers store, Clock clock, int memoryEntries) {
    this.store = store;
    this.clock = clock;
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ChatAnswer> eldest) {
            return size() > memoryEntries;
          }
        };
  }

  @Override
  public Optional<ChatAnswer> get(String key) {
    ChatAnswer held = held(key);
    if (held != null) {
      return Optional.of(held);
    }
    Optional<ChatAnswer> stored = store.find(key);
    stored.ifPresent(a -> hold(key, a));
    return stored;
  }

  @Override
  public ChatAnswer putIfAbsent(String key, ChatAnswer answer) {
    ChatAnswer held = held(key);
    if (held != null) {
      return held;
    }
    try {
      store.insert(key, answer, clock.millis());
      hold(key, answer);
      return answer;
    } catch (RuntimeException e) {
      // another thread or server stored an answer first: that one is the answer everywhere
      ChatAnswer first = store.find(key).orElseThrow(() -> e);
      hold(key, first);
      return first;
    }
  }

  private ChatAnswer held(String key) {
    synchronized (recent) {
      return recent.get(key);
    }
  }

  private void hold(String key, ChatAnswer answer) {
    synchronized (recent) {
      recent.put(key, answer);
    }
  }
}
