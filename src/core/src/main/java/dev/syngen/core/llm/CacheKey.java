package dev.syngen.core.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cache key of a request: SHA-256 over what decides the answer (model, system, prompt,
 * max_tokens, temperature, seed and, for a structured answer, its schema), each field
 * length-prefixed so no two requests share a key. The provider's URL, key and limits are left out:
 * they decide who answers, not what is asked.
 */
public final class CacheKey {
  private CacheKey() {}

  public static String of(ChatRequest r) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      // free-text requests keep the first layout, so caches written before json_schema stay valid
      field(d, r.jsonSchema() == null ? "v1" : "v2");
      field(d, r.model());
      field(d, r.system());
      field(d, r.prompt());
      field(d, Integer.toString(r.maxTokens()));
      field(d, Double.toString(r.temperature()));
      field(d, Long.toString(r.seed()));
      if (r.jsonSchema() != null) {
        field(d, r.jsonSchema()); // json_object or json_schema: the same question, the same key
      }
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
