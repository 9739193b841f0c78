package dev.syngen.io.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks a payload template: JSON once each {@code {{column}}} placeholder holds a value. */
public final class PayloadTemplates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PayloadTemplates() {}

  /** What is wrong with {@code template}, or null when it is fine. */
  public static String problem(String template) {
    String probe = template.replaceAll("\\{\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}}", "0");
    try {
      JSON.readTree(probe);
      return null;
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    }
  }
}
