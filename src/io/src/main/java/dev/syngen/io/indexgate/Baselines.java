package dev.syngen.io.indexgate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.indexgate.Baseline;
import dev.syngen.io.history.FileRunRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Baselines and decisions as JSON (snake_case, like every syngen document). */
public final class Baselines {
  /** A stored baseline larger than this is refused. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  private static final ObjectMapper JSON = FileRunRepository.mapper();

  private Baselines() {}

  public static String json(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static void write(Path file, Object value) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json(value), StandardCharsets.UTF_8);
  }

  /** Reads a stored baseline; {@code option} names the flag or field it came from. */
  public static Baseline read(Path file, String option) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + " " + file + " is not a file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(option + " " + file + " is larger than 32 MB");
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), option + " " + file);
  }

  public static Baseline parse(String text, String what) {
    Baseline b;
    try {
      b = JSON.readValue(text, Baseline.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          what + " is not a baseline: " + e.getOriginalMessage() + "; capture one with --capture");
    }
    if (b == null || !Baseline.FORMAT.equals(b.format())) {
      throw new IllegalArgumentException(
          what
              + " is not a baseline (format '"
              + (b == null ? null : b.format())
              + "', expected '"
              + Baseline.FORMAT
              + "'); capture one with --capture");
    }
    if (b.dialect() == null || b.queries() == null || b.queries().isEmpty()) {
      throw new IllegalArgumentException(what + " names no database kind or holds no queries");
    }
    return b;
  }
}
