package dev.syngen.cli;

import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmRoute;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code syngen llm list|test}: the LLM provider profiles. API keys are never shown. */
@Command(
    name = "llm",
    description = "List and test LLM provider profiles, export and import cached answers.",
    mixinStandardHelpOptions = true,
    subcommands = {
      LlmCommand.CacheCommand.class,
      LlmCommand.ListProviders.class,
      LlmCommand.Test.class
    })
final class LlmCommand {
  @ParentCommand SyngenCommand root;

  /** {@code llm list}. */
  @Command(name = "list", description = "List the provider profiles in the llm directory.")
  static final class ListProviders implements Callable<Integer> {
    @ParentCommand LlmCommand parent;
    @Spec CommandSpec spec;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      SyngenCommand root = parent.root;
      Workspace ws = new Workspace(root);
      List<Map<String, Object>> items = new ArrayList<>();
      for (LlmProvider p : ws.llm().providers().values()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("base_url", p.baseUrl());
        m.put("model", p.model());
        m.put("api_key_env", p.apiKeyEnv());
        m.put("api_key_set", p.apiKeyEnv() == null || root.env.apply(p.apiKeyEnv()) != null);
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
                String.valueOf(m.get("model")),
                String.valueOf(m.get("base_url")),
                m.get("api_key_env") == null
                    ? "(none)"
                    : m.get("api_key_env")
                        + (Boolean.TRUE.equals(m.get("api_key_set")) ? " (set)" : " (NOT SET)")));
      }
      Output.table(out, List.of("ID", "MODEL", "BASE URL", "API KEY FROM"), rows);
      return 0;
    }
  }

  /** {@code llm test}. */
  @Command(
      name = "test",
      description = "Send one tiny request to a provider; report latency, model and tokens.")
  static final class Test implements Callable<Integer> {
    @ParentCommand LlmCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PROVIDER", description = "Provider id.")
    String id;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      Workspace ws = new Workspace(parent.root);
      PrintWriter out = spec.commandLine().getOut();
      LlmRoute.Routed r = ws.llm().probe(id);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("provider", id);
      m.put("ok", true);
      m.put("model", r.answer().model().isEmpty() ? r.provider().model() : r.answer().model());
      m.put("latency_ms", Math.round(r.latencyNanos() / 1e6));
      m.put("input_tokens", r.answer().inputTokens());
      m.put("output_tokens", r.answer().outputTokens());
      m.put("cost", r.provider().cost(r.answer().inputTokens(), r.answer().outputTokens()));
      if (output.json()) {
        Output.json(out, m);
        return 0;
      }
      out.printf(
          Locale.ROOT,
          "provider %s OK: model %s answered in %d ms (%d input + %d output tokens, cost %.6f)%n",
          id,
          m.get("model"),
          m.get("latency_ms"),
          r.answer().inputTokens(),
          r.answer().outputTokens(),
          (Double) m.get("cost"));
      out.flush();
      return 0;
    }
  }

  /**
   * {@code syngen llm cache export|import}: the cached answers as one NDJSON file, to regenerate a
   * dataset byte-identically on another machine with {@code --llm offline}.
   */
  @Command(
      name = "cache",
      description = "Export or import the cached LLM answers (NDJSON, one answer a line).",
      mixinStandardHelpOptions = true,
      subcommands = {CacheCommand.Export.class, CacheCommand.Import.class})
  static final class CacheCommand {
    @ParentCommand LlmCommand parent;

    /** {@code llm cache export}. */
    @Command(name = "export", description = "Write every cached answer, sorted by key.")
    static final class Export implements Callable<Integer> {
      @ParentCommand CacheCommand parent;
      @Spec CommandSpec spec;

      @Option(
          names = {"-o", "--out"},
          paramLabel = "FILE",
          description = "File to write (default: standard output).")
      java.nio.file.Path file;

      @Mixin FormatOption output;

      @Override
      public Integer call() throws java.io.IOException {
        dev.syngen.io.llm.FileLlmCache cache =
            new dev.syngen.io.llm.FileLlmCache(parent.parent.root.llmCacheDir);
        long n;
        if (file == null) {
          n = cache.export(spec.commandLine().getOut());
          return 0;
        }
        java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (java.io.Writer w =
            java.nio.file.Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
          n = cache.export(w);
        }
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        report(
            spec,
            output,
            Map.of("exported", n, "file", file.toString()),
            n + " answers written to " + file);
        return 0;
      }
    }

    /** {@code llm cache import}. */
    @Command(
        name = "import",
        description = "Add the answers of an export that this cache lacks (present ones are kept).")
    static final class Import implements Callable<Integer> {
      @ParentCommand CacheCommand parent;
      @Spec CommandSpec spec;

      @Parameters(paramLabel = "FILE", description = "A file written by llm cache export.")
      java.nio.file.Path file;

      @Mixin FormatOption output;

      @Override
      public Integer call() throws java.io.IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
          throw new IllegalArgumentException(
              "no file '" + file + "'; write one with `syngen llm cache export --out FILE`");
        }
        dev.syngen.io.llm.FileLlmCache cache =
            new dev.syngen.io.llm.FileLlmCache(parent.parent.root.llmCacheDir);
        dev.syngen.io.llm.LlmCacheTransfer.Imported r;
        try (java.io.BufferedReader in =
            java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
          r = cache.importFrom(in, file.toString());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", r.added());
        m.put("already_present", r.present());
        m.put("conflicts", r.conflicts());
        report(
            spec,
            output,
            m,
            r.added()
                + " answers added, "
                + r.present()
                + " already present"
                + (r.conflicts() == 0
                    ? ""
                    : ", "
                        + r.conflicts()
                        + " conflicting (the answers already cached were kept)"));
        return 0;
      }
    }

    private static void report(
        CommandSpec spec, FormatOption output, Map<String, Object> m, String text) {
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, m);
      } else {
        out.println(text);
        out.flush();
      }
    }
  }
}
