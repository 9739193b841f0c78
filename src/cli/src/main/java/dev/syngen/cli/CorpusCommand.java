package dev.syngen.cli;

import dev.syngen.core.corpus.Corpus;
import dev.syngen.core.corpus.CorpusAdmission;
import dev.syngen.core.corpus.CorpusContent;
import dev.syngen.core.corpus.CorpusNames;
import dev.syngen.core.corpus.CorpusRules;
import dev.syngen.core.corpus.CorpusSource;
import dev.syngen.core.corpus.CorpusUsage;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.io.corpus.BundledCorpora;
import dev.syngen.io.corpus.CorpusDirectory;
import dev.syngen.io.corpus.StoredCorpus;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code syngen corpus add|list|show|rm}: the corpora in the corpus directory. */
@Command(
    name = "corpus",
    description =
        "Add, list, show and remove corpora (named lists of values for `corpus` columns).",
    mixinStandardHelpOptions = true,
    subcommands = {
      CorpusCommand.Add.class,
      CorpusCommand.ListCorpora.class,
      CorpusCommand.Rm.class,
      CorpusCommand.Show.class
    })
final class CorpusCommand {
  @ParentCommand SyngenCommand root;

  /** {@code corpus add}. */
  @Command(
      name = "add",
      description =
          "Check a text file (one value per line) or a CSV column and store it as a ready corpus."
              + " A rejected file is not stored; every problem is listed.")
  static final class Add implements Callable<Integer> {
    @ParentCommand CorpusCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<name>")
    String name;

    @Parameters(index = "1", paramLabel = "<file>")
    Path file;

    @Option(names = "--column", description = "CSV column holding the values (default: value).")
    String column;

    @Option(names = "--weights-column", description = "CSV column holding relative weights.")
    String weightsColumn;

    @Option(
        names = "--allow-personal-data",
        description = "Accept values that look like e-mails, phone or card numbers.")
    boolean allowPersonalData;

    @Option(names = "--replace", description = "Replace a corpus of the same name.")
    boolean replace;

    @Mixin FormatOption output;

    @Override
    public Integer call() throws IOException {
      Problems problems = new Problems();
      CorpusNames.check(name, "name", problems);
      if (!Files.isRegularFile(file)) {
        problems.add("file", "'" + file + "' is not a readable file", "give the path of a file");
      }
      problems.throwIfAny("corpus add");
      CorpusSource source =
          CorpusSource.forFile(file.getFileName().toString(), column, weightsColumn);
      StoredCorpus c =
          parent
              .directory()
              .add(
                  name,
                  file.getFileName().toString(),
                  Files.readAllBytes(file),
                  source,
                  CorpusRules.DEFAULTS.allowingPersonalData(allowPersonalData),
                  replace);
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, summary(c));
      } else {
        out.printf(
            "corpus '%s' is ready: %d values, %d distinct, sha256 %s%n",
            c.name(), c.size(), c.distinct(), c.hash());
        out.flush();
      }
      return 0;
    }
  }

  /** {@code corpus list}. */
  @Command(
      name = "list",
      description =
          "List the corpora in the corpus directory and those shipped with the scenarios.")
  static final class ListCorpora implements Callable<Integer> {
    @ParentCommand CorpusCommand parent;
    @Spec CommandSpec spec;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      List<Map<String, Object>> items = new ArrayList<>();
      List<String> added = new ArrayList<>();
      for (StoredCorpus c : parent.directory().list()) {
        Map<String, Object> m = summary(c);
        m.put("origin", "added");
        items.add(m);
        added.add(c.name());
      }
      BundledCorpora shipped = parent.shipped();
      for (String name : shipped.names()) {
        if (!added.contains(name)) {
          shipped.admission(name).ifPresent(a -> items.add(shippedSummary(name, a)));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, items);
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (Map<String, Object> m : items) {
        String hash = String.valueOf(m.get("sha256"));
        rows.add(
            List.of(
                String.valueOf(m.get("name")),
                String.valueOf(m.get("status")),
                String.valueOf(m.get("origin")),
                String.valueOf(m.get("size")),
                String.valueOf(m.get("distinct")),
                String.valueOf(m.get("format")),
                hash.substring(0, Math.min(12, hash.length()))));
      }
      Output.table(
          out, List.of("NAME", "STATUS", "ORIGIN", "VALUES", "DISTINCT", "FORMAT", "SHA256"), rows);
      return 0;
    }
  }

  /** {@code corpus show}. */
  @Command(
      name = "show",
      description = "Show a corpus: hash, top values, a sample, scenarios using it, its history.")
  static final class Show implements Callable<Integer> {
    @ParentCommand CorpusCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<name>")
    String name;

    @Mixin FormatOption output;

    @Override
    public Integer call() {
      CorpusDirectory dir = parent.directory();
      StoredCorpus c = dir.record(name).orElseThrow(() -> unknown(name, dir));
      Corpus corpus =
          dir.find(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "corpus '"
                              + name
                              + "' no longer passes its checks (its file was changed); add it again"
                              + " with --replace"));
      Map<String, Object> m = summary(c);
      CorpusContent content = corpus.content();
      List<Map<String, Object>> top = new ArrayList<>();
      content
          .top(10)
          .forEach(
              s -> top.add(Map.of("value", s.value(), "share", Math.round(s.share() * 1e4) / 1e4)));
      m.put("top_values", top);
      m.put("sample", content.sample(10));
      m.put("scenarios", parent.scenariosUsing(name));
      List<Map<String, Object>> history = new ArrayList<>();
      for (StoredCorpus.Step s : c.history()) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("at", s.at().toString());
        h.put("status", s.event().status().label());
        h.put("detail", s.event().detail());
        history.add(h);
      }
      m.put("history", history);
      PrintWriter out = spec.commandLine().getOut();
      if (output.json()) {
        Output.json(out, m);
        return 0;
      }
      out.printf("corpus    %s (%s)%n", c.name(), c.status().label());
      out.printf("values    %d (%d distinct)%n", c.size(), c.distinct());
      out.printf("source    %s%n", describe(c.source()));
      out.printf("sha256    %s%n", c.hash());
      out.printf("scenarios %s%n", m.get("scenarios"));
      out.println("top values");
      content
          .top(10)
          .forEach(s -> out.printf(Locale.ROOT, "  %6.2f %%  %s%n", s.share() * 100, s.value()));
      out.println("sample    " + String.join(" | ", content.sample(10)));
      out.println("history");
      for (StoredCorpus.Step s : c.history()) {
        out.printf("  %s  %-10s %s%n", s.at(), s.event().status().label(), s.event().detail());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code corpus rm}. */
  @Command(name = "rm", description = "Remove a corpus from the corpus directory.")
  static final class Rm implements Callable<Integer> {
    @ParentCommand CorpusCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<name>")
    String name;

    @Override
    public Integer call() throws IOException {
      CorpusDirectory dir = parent.directory();
      if (!dir.remove(name)) {
        throw unknown(name, dir);
      }
      spec.commandLine().getOut().printf("corpus '%s' removed%n", name);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  private BundledCorpora shipped() {
    return new BundledCorpora(root.scenariosDir.resolve("corpora"));
  }

  private static Map<String, Object> shippedSummary(String name, CorpusAdmission.Admission a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("status", a.status().label());
    m.put("origin", "shipped");
    m.put("size", a.ready() ? a.corpus().content().size() : 0);
    m.put("distinct", a.ready() ? a.corpus().content().distinct() : 0);
    m.put("format", a.ready() ? a.corpus().source().format() : "");
    m.put("sha256", a.ready() ? a.corpus().hash() : "");
    m.put("reason", a.reason());
    return m;
  }

  private CorpusDirectory directory() {
    return new CorpusDirectory(root.corporaDir);
  }

  private List<String> scenariosUsing(String name) {
    ScenarioFiles files = new ScenarioFiles(root.scenariosDir);
    List<String> ids = new ArrayList<>();
    for (Path f : files.files()) {
      try {
        Scenario s = ScenarioFiles.read(f);
        if (CorpusUsage.names(s).contains(name)) {
          ids.add(s.id());
        }
      } catch (RuntimeException e) {
        // an invalid scenario names no corpus we can trust; `scenario validate` reports it
      }
    }
    return ids;
  }

  private static IllegalArgumentException unknown(String name, CorpusDirectory dir) {
    return new IllegalArgumentException(
        "no corpus '"
            + name
            + "' in "
            + dir.directory()
            + dev.syngen.core.generate.GeneratorRegistry.closest(name, dir.names())
                .map(n -> "; did you mean '" + n + "'?")
                .orElse("")
            + " (run `syngen corpus list`)");
  }

  private static String describe(CorpusSource s) {
    return s.csv()
        ? "csv column "
            + s.column()
            + (s.weightsColumn() == null ? "" : ", weights " + s.weightsColumn())
        : "text, one value per line";
  }

  private static Map<String, Object> summary(StoredCorpus c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("status", c.status().label());
    m.put("size", c.size());
    m.put("distinct", c.distinct());
    m.put("format", c.source().format());
    m.put("column", c.source().column());
    m.put("weights_column", c.source().weightsColumn());
    m.put("allow_personal_data", c.allowPersonalData());
    m.put("sha256", c.hash());
    return m;
  }
}
