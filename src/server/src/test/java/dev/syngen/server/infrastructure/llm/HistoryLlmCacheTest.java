package dev.syngen.server.infrastructure.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.llm.ChatAnswer;
import dev.syngen.server.infrastructure.persistence.JpaLlmAnswers;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HistoryLlmCacheTest {
  private static final String KEY = "a".repeat(64);

  /** The table's behaviour: a second insert of a key fails, as its primary key makes it. */
  private static final class Table extends JpaLlmAnswers {
    final Map<String, ChatAnswer> rows = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<ChatAnswer> find(String key) {
      reads.incrementAndGet();
      return Optional.ofNullable(rows.get(key));
    }

    @Override
    public void insert(String key, ChatAnswer answer, long nowMillis) {
      if (rows.putIfAbsent(key, answer) != null) {
        throw new IllegalStateException("duplicate key value violates unique constraint");
      }
    }
  }

  @Test
  void theFirstAnswerStoredWinsOnEveryServerThatSharesTheDatabase() {
    Table table = new Table();
    HistoryLlmCache one = new HistoryLlmCache(table, Clock.systemUTC(), 10);
    HistoryLlmCache two = new HistoryLlmCache(table, Clock.systemUTC(), 10);
    ChatAnswer first = new ChatAnswer("first", "m", 3, 4);
    assertEquals(first, one.putIfAbsent(KEY, first));
    assertEquals(
        first,
        two.putIfAbsent(KEY, new ChatAnswer("second", "m", 3, 5)),
        "a server that lost the race returns the stored answer");
    assertEquals(Optional.of(first), two.get(KEY));
  }

  @Test
  void recentAnswersAreServedFromMemoryWithinItsBound() {
    Table table = new Table();
    HistoryLlmCache cache = new HistoryLlmCache(table, Clock.systemUTC(), 2);
    for (int i = 0; i < 3; i++) {
      cache.putIfAbsent(Integer.toString(i).repeat(64), new ChatAnswer("t" + i, "m", 1, 1));
    }
    table.reads.set(0);
    assertEquals("t2", cache.get("2".repeat(64)).orElseThrow().text());
    assertEquals(0, table.reads.get(), "held in memory");
    assertEquals("t0", cache.get("0".repeat(64)).orElseThrow().text());
    assertEquals(1, table.reads.get(), "the eldest left memory and came from the table");
    assertTrue(cache.get("f".repeat(64)).isEmpty());
  }

  @Test
  void aFailedInsertWithNoStoredAnswerIsNotSwallowed() {
    JpaLlmAnswers broken =
        new JpaLlmAnswers() {
          @Override
          public Optional<ChatAnswer> find(String key) {
            return Optional.empty();
          }

          @Override
          public void insert(String key, ChatAnswer answer, long nowMillis) {
            throw new IllegalStateException("the database is unreachable");
          }
        };
    HistoryLlmCache cache = new HistoryLlmCache(broken, Clock.systemUTC(), 10);
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () -> cache.putIfAbsent(KEY, new ChatAnswer("x", "m", 1, 1)));
    assertEquals("the database is unreachable", e.getMessage());
  }
}
