package dev.syngen.io.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a run record as {@link FileRunRepository#mapper()} does (snake_case, ISO instants,
 * indented), with Jackson's streaming generator alone. Every {@code syngen run start} saves its
 * record twice, and loading the data-binding mapper for that (some 600 classes) cost a 1,000-row
 * run about a fifth of its time; reading records ({@code run list}, {@code run show}) still goes
 * through the mapper. An override of a kind not written here is handed to the mapper.
 */
final class RunRecordJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private RunRecordJson() {}

  static void write(RunRecord r, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("status", r.status() == null ? null : r.status().name());
      g.writeStringField("scenario_id", r.scenarioId());
      g.writeStringField("scenario_name", r.scenarioName());
      g.writeStringField("scenario_version", r.scenarioVersion());
      g.writeStringField("scenario_source", r.scenarioSource());
      g.writeStringField("target_id", r.targetId());
      g.writeStringField("target_name", r.targetName());
      g.writeStringField("target_kind", r.targetKind());
      g.writeStringField("target_dsn", r.targetDsn());
      g.writeNumberField("seed", r.seed());
      instant(g, "as_of", r.asOf());
      g.writeStringField("config_hash", r.configHash());
      g.writeStringField("mode", r.mode());
      g.writeNumberField("parallelism", r.parallelism());
      g.writeFieldName("overrides");
      value(g, r.overrides());
      instant(g, "created_at", r.createdAt());
      instant(g, "started_at", r.startedAt());
      instant(g, "finished_at", r.finishedAt());
      g.writeArrayFieldStart("entities");
      for (EntityProgress e : r.entities()) {
        g.writeStartObject();
        g.writeStringField("entity", e.entity());
        g.writeStringField("table", e.table());
        g.writeNumberField("rows_planned", e.rowsPlanned());
        g.writeNumberField("rows_written", e.rowsWritten());
        g.writeNumberField("duration_millis", e.durationMillis());
        g.writeNumberField("bytes_written", e.bytesWritten());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("error", r.error());
      g.writeEndObject();
    }
  }

  private static void instant(JsonGenerator g, String name, Instant at) throws IOException {
    g.writeStringField(name, at == null ? null : at.toString());
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        value(g, item);
      }
      g.writeEndArray();
    } else {
      FileRunRepository.mapper().writeValue(g, v);
    }
  }
}
