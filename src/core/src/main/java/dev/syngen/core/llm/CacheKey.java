package dev.syngen.core.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cache key of a request: SHA-256 over what decides the answer (model, system, prompt,
 * max_tokens, temperature, seed), each field length-prefixed so no two requests share a key. The
 * provider's URL, key and limits are left out: they decide who answers, not what is asked.
 */
public final class CacheKey {
  private CacheKey() {}

  public static String of(ChatRequest r) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      field(d, "v1");
      field(d, r.model());
      field(d, r.system());
      field(d, r.prompt());
      field(d, Integer.toString(r.maxTokens()));
      field(d, Double.toString(r.temperature()));
      field(d, Long.toString(r.seed()));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void field(MessageDigest d, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
    d.update((byte) ':');
    d.update(b);
  }
}
