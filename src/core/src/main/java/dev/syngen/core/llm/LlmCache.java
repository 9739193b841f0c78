package dev.syngen.core.llm;

import java.util.Optional;

/** Answers remembered by the hash of what was asked ({@link CacheKey}), so reruns cost nothing. */
public interface LlmCache {
  Optional<ChatAnswer> get(String key);

  /**
   * Remembers {@code answer} unless an answer is already remembered for {@code key}; returns the
   * remembered one, so two threads asking the same thing at once end up with the same text.
   */
  ChatAnswer putIfAbsent(String key, ChatAnswer answer);

  /** A cache that remembers nothing. */
  LlmCache NONE =
      new LlmCache() {
        @Override
        public Optional<ChatAnswer> get(String key) {
          return Optional.empty();
        }

        @Override
        public ChatAnswer putIfAbsent(String key, ChatAnswer answer) {
          return answer;
        }
      };
}
