package dev.syngen.cli;

import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmRoute;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code syngen llm list|test}: the LLM provider profiles. API keys are never shown. */
@Command(
    name = "llm",
    description = "List and test LLM provider profiles (see docs/llm.md).",
    mixinStandardHelpOptions = true)
final class LlmCommand {
  @ParentCommand SyngenCommand root;
  @Spec CommandSpec spec;

  @Command(name = "list", description = "List the provider profiles in the llm directory.")
  int list(@Mixin FormatOption output) {
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

  @Command(
      name = "test",
      description = "Send one tiny request to a provider; report latency, model and tokens.")
  int test(
      @Parameters(paramLabel = "PROVIDER", description = "Provider id.") String id,
      @Mixin FormatOption output) {
    Workspace ws = new Workspace(root);
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
