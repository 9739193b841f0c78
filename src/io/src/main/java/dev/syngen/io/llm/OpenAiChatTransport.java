package dev.syngen.io.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syngen.core.llm.ChatAnswer;
import dev.syngen.core.llm.ChatFailure;
import dev.syngen.core.llm.ChatRequest;
import dev.syngen.core.llm.ChatTransport;
import dev.syngen.core.llm.LlmProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code POST {base_url}/chat/completions} as OpenAI documents it (also served by Gemini's
 * OpenAI-compatible endpoint, OpenRouter, Ollama, vLLM, llama.cpp server and LocalAI), over the
 * JDK's HTTP client with Jackson. Answers are read up to {@link #MAX_ANSWER_BYTES}. The client and
 * the JSON mapper are made by the first request: every command line run builds a transport, and
 * making an HTTP client (TLS context, trust store) costs a fifth of a second that a run without
 * {@code llm_text} columns should not pay.
 */
public final class OpenAiChatTransport implements ChatTransport {
  static final int MAX_ANSWER_BYTES = 1 << 20;
  private static final int MAX_ERROR_CHARS = 300;

  private HttpClient client;
  private ObjectMapper json;

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }
    return client;
  }

  private synchronized ObjectMapper json() {
    if (json == null) {
      json = new ObjectMapper();
    }
    return json;
  }

  /**
   * Builds the HTTP client (its TLS defaults take most of a second on a busy machine), a request
   * and the JSON codec's paths, so the first requests of a run do not wait for them. Sends nothing.
   */
  @Override
  public void warmUp(LlmProvider provider) {
    client();
    HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
        .timeout(provider.timeout())
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                body(new ChatRequest(provider.model(), "", "", 1, 0, 0)), StandardCharsets.UTF_8))
        .build();
    answer(
        "{\"model\":\"m\",\"choices\":[{\"message\":{\"content\":\"\"}}],"
            + "\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0}}");
  }

  @Override
  public ChatAnswer send(LlmProvider provider, String apiKey, ChatRequest request) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
            .timeout(provider.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8));
    if (apiKey != null && !apiKey.isBlank()) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<InputStream> response;
    String text;
    try {
      response = client().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
          throw new ChatFailure(0, null, "answer larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        text = new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (HttpTimeoutException e) {
      throw new ChatFailure(0, null, "no answer within " + provider.timeout().toMillis() + " ms");
    } catch (IOException e) {
      throw new ChatFailure(0, null, "cannot reach " + provider.baseUrl() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure(0, null, "interrupted");
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new ChatFailure(
          status,
          retryAfter(response.headers().firstValue("Retry-After").orElse(null)),
          "HTTP " + status + ": " + abbreviate(text));
    }
    return answer(text);
  }

  private String body(ChatRequest r) {
    ObjectNode o = json().createObjectNode();
    o.put("model", r.model());
    ArrayNode messages = o.putArray("messages");
    if (!r.system().isEmpty()) {
      messages.addObject().put("role", "system").put("content", r.system());
    }
    messages.addObject().put("role", "user").put("content", r.prompt());
    o.put("max_tokens", r.maxTokens());
    o.put("temperature", r.temperature());
    o.put("seed", r.seed());
    if (r.jsonSchema() != null) {
      ObjectNode format = o.putObject("response_format");
      if (r.jsonObject()) {
        format.put("type", "json_object");
      } else {
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", "answer");
        schema.put("strict", false);
        try {
          schema.set("schema", json.readTree(r.jsonSchema()));
        } catch (IOException e) {
          throw new IllegalStateException("the answer schema is not JSON: " + e.getMessage(), e);
        }
      }
    }
    return o.toString();
  }

  private ChatAnswer answer(String text) {
    try {
      JsonNode root = json().readTree(text);
      JsonNode content = root.path("choices").path(0).path("message").path("content");
      if (!content.isTextual()) {
        throw new ChatFailure(
            0, null, "answer has no choices[0].message.content: " + abbreviate(text));
      }
      JsonNode usage = root.path("usage");
      return new ChatAnswer(
          content.asText(),
          root.path("model").asText(""),
          usage.path("prompt_tokens").asLong(0),
          usage.path("completion_tokens").asLong(0));
    } catch (IOException e) {
      throw new ChatFailure(0, null, "answer is not JSON: " + abbreviate(text));
    }
  }

  /** Retry-After as delta-seconds or an HTTP date; null if absent or unreadable. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000));
    } catch (NumberFormatException e) {
      try {
        Duration d =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() <= MAX_ERROR_CHARS ? one : one.substring(0, MAX_ERROR_CHARS) + "…";
  }
}
