package dev.syngen.server.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies within a size limit and parses JSON into plain trees (maps, lists, strings,
 * longs, doubles, booleans, null) that the request readers walk with field paths.
 */
public final class Bodies {
  /** Deeper nesting than any request needs; parsers recurse, so it is refused before parsing. */
  static final int MAX_DEPTH = 64;

  private Bodies() {}

  /** The body as UTF-8 text; 413 if longer than {@code max} bytes, 400 if empty. */
  public static String read(InputStream in, int max) {
    if (in == null) {
      throw new BadRequestException("the request has no body");
    }
    try {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw RequestFilter.tooLarge(-1, max);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  /**
   * Parses JSON text; a syntax error or nesting deeper than {@value #MAX_DEPTH} levels throws
   * {@link JsonParsingException}.
   */
  public static Object parseJson(String text) {
    if (text.isBlank()) {
      throw new JsonParsingException("the body is empty; send a JSON object", null);
    }
    if (depth(text) > MAX_DEPTH) {
      throw new JsonParsingException(
          "the JSON is nested more than " + MAX_DEPTH + " levels deep; flatten it", null);
    }
    try (JsonReader r = Json.createReader(new StringReader(text))) {
      return plain(r.readValue());
    }
  }

  /** The deepest nesting of arrays and objects, outside strings, in one linear scan. */
  static int depth(String text) {
    int depth = 0;
    int max = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        max = Math.max(max, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return max;
  }

  static Object plain(JsonValue v) {
    return switch (v.getValueType()) {
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        ((JsonObject) v).forEach((k, x) -> m.put(k, plain(x)));
        yield m;
      }
      case ARRAY -> {
        List<Object> l = new ArrayList<>();
        ((JsonArray) v).forEach(x -> l.add(plain(x)));
        yield l;
      }
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> number(((JsonNumber) v).bigDecimalValue());
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  private static Object number(BigDecimal d) {
    if (d.stripTrailingZeros().scale() <= 0) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return d.toBigInteger();
      }
    }
    return d.doubleValue();
  }
}
