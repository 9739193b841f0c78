package dev.syngen.cli;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code syngen target list|show|validate|test}. DSNs are always shown redacted. */
@Command(
    name = "target",
    description = "List, show, validate and test target profiles.",
    mixinStandardHelpOptions = true,
    subcommands = {
      TargetCommand.ListTargets.class,
      TargetCommand.Show.class,
      TargetCommand.Test.class,
      TargetCommand.Validate.class
    })
final class TargetCommand {
  @ParentCommand SyngenCommand root;

  static Map<String, Object> view(TargetProfile t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("name", t.name());
    m.put("kind", t.kind());
    m.put("dsn", t.redactedDsn());
    m.put("schema", t.schema());
    m.put("options", dev.syngen.core.sink.Redactor.options(t.options()));
    return m;
  }

  /** {@code target list}. */
  @Command(name = "list", description = "List the target profiles in the targets directory.")
  static final class ListTargets implements Callable<Integer> {
    @ParentCommand TargetCommand parent;
    @Spec CommandSpec spec;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      Workspace ws = new Workspace(parent.root);
      List<Map<String, Object>> items = new ArrayList<>();
      for (Path f : ws.targets.files()) {
        Problems problems = new Problems();
        TargetProfile t = ws.targets.read(f, problems);
        Map<String, Object> m = t == null ? new LinkedHashMap<>() : view(t);
        if (t != null) {
          ws.sinks.validate(t, problems);
        }
        m.put("file", f.getFileName().toString());
        m.put("valid", problems.isEmpty());
        items.add(m);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, items);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (Map<String, Object> m : items) {
        rows.add(
            List.of(
                String.valueOf(m.get("id")),
                String.valueOf(m.get("kind")),
                String.valueOf(m.get("dsn")),
                Boolean.TRUE.equals(m.get("valid")) ? "valid" : "INVALID"));
      }
      Output.table(out, List.of("ID", "KIND", "DSN", "STATUS"), rows);
      return 0;
    }
  }

  /** {@code target show}. */
  @Command(name = "show", description = "Show a target profile (DSN redacted).")
  static final class Show implements Callable<Integer> {
    @ParentCommand TargetCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<id|path>")
    String id;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      TargetProfile t = new Workspace(parent.root).target(id);
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, view(t));
      } else {
        view(t).forEach((k, v) -> out.printf("%-8s %s%n", k, v));
        out.flush();
      }
      return 0;
    }
  }

  /** {@code target validate}. */
  @Command(name = "validate", description = "Check a target profile without connecting.")
  static final class Validate implements Callable<Integer> {
    @ParentCommand TargetCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<id|path>")
    String id;

    @Override
    public Integer call() {
      TargetProfile t = new Workspace(parent.root).target(id);
      spec.commandLine().getOut().printf("target '%s' (%s) is valid%n", t.id(), t.kind());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code target test}. */
  @Command(
      name = "test",
      description = "Connect and report latency, server version and permissions.")
  static final class Test implements Callable<Integer> {
    @ParentCommand TargetCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<id|path>")
    String id;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      Workspace ws = new Workspace(parent.root);
      TargetProfile t = ws.target(id);
      TargetTestResult r = ws.sinks.test(t);
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, r);
      } else {
        out.printf(
            "target '%s' (%s, %s): %s%n",
            t.id(), t.kind(), t.redactedDsn(), r.ok() ? "OK" : "FAILED");
        out.printf(
            "  latency_ms     %d%n  server_version %s%n  can_create     %s%n  can_truncate   %s%n  can_insert     %s%n",
            r.latencyMs(), r.serverVersion(), r.canCreate(), r.canTruncate(), r.canInsert());
        if (r.error() != null) {
          out.println("  error          " + r.error());
        }
        out.flush();
      }
      return r.ok() ? 0 : SyngenCommand.EXIT_FAILED;
    }
  }
}
