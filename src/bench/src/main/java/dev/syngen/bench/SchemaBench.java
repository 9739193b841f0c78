package dev.syngen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.AdHocPlanner;
import dev.syngen.core.plan.AdHocRequest;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.encode.ByteBuf;
import dev.syngen.io.encode.JsonRecords;
import dev.syngen.io.yaml.JsonSchemaFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Schema-first generation: records of a JSON Schema generated in process and encoded as the NDJSON
 * stream encodes them (bytes counted, then dropped), or read from a server's POST /generate.
 */
final class SchemaBench {
  private SchemaBench() {}

  static int run(PrintWriter out, Path schemaFile, long count, int threads, URI url)
      throws IOException, InterruptedException {
    Object schema = JsonSchemaFiles.readFile(schemaFile);
    if (url != null) {
      String body =
          new ObjectMapper()
              .writeValueAsString(Map.of("schema", schema, "count", count, "seed", 1));
      return GenerateBench.runBody(out, url, count, body);
    }
    CompiledPlan warm = plan(schema, Math.max(1, count / 4));
    CompiledPlan plan = plan(schema, count);
    for (int t : threads > 1 ? List.of(1, threads) : List.of(1)) {
      measure(warm, t);
      long[] bytes = new long[1];
      double secs = measure(plan, t, bytes);
      out.printf(
          "schema-first %s, %d thread(s): %,d records in %.2f s = %,.0f records/s, %.0f MB/s of NDJSON%n",
          schemaFile.getFileName(), t, count, secs, count / secs, bytes[0] / 1e6 / secs);
      out.flush();
    }
    return 0;
  }

  /** The plan POST /generate makes for {"schema": …, "count": n, "seed": 1}. */
  private static CompiledPlan plan(Object schema, long n) {
    Problems problems = new Problems();
    AdHocRequest r =
        AdHocRequest.parse(
            Map.of("schema", schema, "count", n, "seed", 1), Long.MAX_VALUE, problems);
    problems.throwIfAny("request");
    Scenario s = r.inlineScenario(problems);
    problems.throwIfAny("schema");
    return new AdHocPlanner(new PlanCompiler(dev.syngen.core.generate.GeneratorRegistry.builtins()))
        .plan(s, r);
  }

  private static double measure(CompiledPlan plan, int threads) {
    return measure(plan, threads, new long[1]);
  }

  private static double measure(CompiledPlan plan, int threads, long[] bytes) {
    AtomicLong total = new AtomicLong();
    long t0 = System.nanoTime();
    new RunEngine(threads, 1024)
        .run(
            plan,
            new EncodingSink(total),
            TableMode.APPEND_ONLY,
            Map.of(),
            RunListener.NONE,
            new CancelToken());
    bytes[0] = total.get();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Encodes every batch as NDJSON on the worker threads and keeps only the byte count. */
  private record EncodingSink(AtomicLong bytes) implements Sink {
    @Override
    public void prepare(List<dev.syngen.core.plan.CompiledEntity> entities, TableMode mode) {}

    @Override
    public EntityWriter<Integer> open(dev.syngen.core.plan.CompiledEntity entity, long startRow) {
      JsonRecords json = new JsonRecords(entity);
      return new EntityWriter<>() {
        @Override
        public Integer encode(RowBatch batch) {
          ByteBuf buf = new ByteBuf(1 << 16);
          for (int r = 0; r < batch.size(); r++) {
            json.row(batch, r, buf);
            buf.put((byte) '\n');
          }
          return buf.size;
        }

        @Override
        public void write(Integer chunk) {
          bytes.addAndGet(chunk);
        }

        @Override
        public void finish() {}

        @Override
        public void close() {}
      };
    }

    @Override
    public void close() {}
  }
}
