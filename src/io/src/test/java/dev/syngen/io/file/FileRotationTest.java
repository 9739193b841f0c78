package dev.syngen.io.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.message.MessageRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Size rotation and the audit log keep the data byte-identical to an unrotated run. */
class FileRotationTest {
  @TempDir Path tmp;
  private final FileSinkFactory factory = new FileSinkFactory();

  private void run(String kind, Path dir, Map<String, String> options, int parallel, int batch) {
    CompiledPlan plan = MessageRuns.plan(20_000);
    try (var sink =
        factory.open(new TargetProfile(kind, kind, kind, dir.toString(), null, options))) {
      new RunEngine(parallel, batch)
          .run(
              plan,
              sink,
              TableMode.CREATE_IF_MISSING,
              Map.of(),
              RunListener.NONE,
              new CancelToken());
    }
  }

  private static List<Path> rotated(Path dir, String stem, String ext) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p ->
                  p.getFileName()
                      .toString()
                      .matches(stem + "\\.\\d{8}T\\d{6}\\.\\d{3}Z" + ext.replace(".", "\\.")))
          .sorted()
          .toList();
    }
  }

  /** The rotated files in order, then the current one, without the repeated headers. */
  private static byte[] joined(List<Path> files, int headerLines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean first = true;
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      int skip = 0;
      for (int n = 0; !first && n < headerLines; n++) {
        while (b[skip++] != '\n') {}
      }
      out.write(b, skip, b.length - skip);
      first = false;
    }
    return out.toByteArray();
  }

  @Test
  void rotatedFilesJoinToTheUnrotatedBytesWhateverTheBatchSize() throws IOException {
    for (String kind : List.of("ndjson", "csv")) {
      String ext = "." + kind;
      Path plain = tmp.resolve(kind + "-plain");
      run(kind, plain, Map.of(), 2, 4096);
      Path a = tmp.resolve(kind + "-a");
      run(kind, a, Map.of("rotate_size_mb", "0.2"), 2, 4096);
      Path b = tmp.resolve(kind + "-b");
      run(kind, b, Map.of("rotate_size_mb", "0.2"), 1, 777);
      List<Path> filesA = new java.util.ArrayList<>(rotated(a, "readings", ext));
      assertTrue(filesA.size() >= 3, kind + ": rotated into several files: " + filesA);
      filesA.add(a.resolve("readings" + ext));
      for (Path f : filesA) {
        assertTrue(Files.size(f) <= 200_000, f + " is within the limit");
      }
      int header = kind.equals("csv") ? 1 : 0;
      byte[] expected = Files.readAllBytes(plain.resolve("readings" + ext));
      assertArrayEquals(expected, joined(filesA, header), kind + ": same bytes as unrotated");
      List<Path> filesB = new java.util.ArrayList<>(rotated(b, "readings", ext));
      filesB.add(b.resolve("readings" + ext));
      assertEquals(filesA.size(), filesB.size(), "rotation points depend on the data only");
      for (int i = 0; i < filesA.size(); i++) {
        assertEquals(Files.size(filesA.get(i)), Files.size(filesB.get(i)));
      }
    }
  }

  @Test
  void auditLinesEveryNRecordsLeaveTheDataUnchanged() throws IOException {
    Path plain = tmp.resolve("plain");
    run("ndjson", plain, Map.of(), 2, 4096);
    Path audited = tmp.resolve("audited");
    run("ndjson", audited, Map.of("audit_every", "5000"), 2, 4096);
    assertArrayEquals(
        Files.readAllBytes(plain.resolve("readings.ndjson")),
        Files.readAllBytes(audited.resolve("readings.ndjson")));
    List<String> lines = Files.readAllLines(audited.resolve("readings.audit.log"));
    assertEquals(5, lines.size(), lines.toString());
    assertTrue(
        lines
            .get(0)
            .matches(
                "\\S+Z entity=readings rows=0\\.\\.4999 records=5000 file=readings.ndjson bytes=\\d+"),
        lines.get(0));
    assertTrue(lines.get(3).contains("rows=15000..19999"), lines.get(3));
    assertTrue(lines.get(4).endsWith("entity=readings complete rows=20000"), lines.get(4));
  }

  @Test
  void badOptionsAreReportedWithPathsAndFixes() {
    Problems p = new Problems();
    factory.validate(
        new TargetProfile(
            "c",
            "c",
            "csv",
            tmp.toString(),
            null,
            Map.of("rotate_size_mb", "-1", "audit_every", "often", "rotate", "1")),
        p);
    assertEquals(
        List.of("options.audit_every", "options.rotate", "options.rotate_size_mb"),
        p.list().stream().map(Problem::path).sorted().toList());
  }
}
