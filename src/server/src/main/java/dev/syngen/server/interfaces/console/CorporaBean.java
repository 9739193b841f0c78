package dev.syngen.server.interfaces.console;

import dev.syngen.server.application.corpus.CorpusService;
import dev.syngen.server.application.corpus.CorpusUpload;
import dev.syngen.server.interfaces.view.CorpusView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The corpus explorer: every corpus with its size, distinct values and status; one corpus's top
 * values (a chart and a table), a sample, the scenarios using it and its lifecycle; the upload form
 * for admins. Reads and changes go through {@link CorpusService}.
 */
@Named
@RequestScoped
public class CorporaBean {
  /** The form's fields, for matching problems to them. */
  private static final List<String> FIELDS =
      List.of("name", "file", "column", "weights_column", "allow_personal_data");

  @Inject CorpusService corpora;

  private String selected;
  private CorpusView detail;
  private List<CorpusView> list;

  private String name;
  private Part file;
  private String column;
  private String weightsColumn;
  private boolean allowPersonalData;
  private boolean replace;

  public List<CorpusView> getCorpora() {
    if (list == null) {
      list = corpora.list().stream().map(CorpusView::of).toList();
    }
    return list;
  }

  /** The corpus named by the {@code name} parameter, or null (also when it is unknown). */
  public CorpusView getDetail() {
    if (detail == null && selected != null && !selected.isBlank()) {
      try {
        detail = CorpusView.of(corpora.get(selected));
      } catch (RuntimeException e) {
        Pages.error(null, ConsoleErrors.message(e));
        selected = null;
      }
    }
    return detail;
  }

  /** The top values' labels, as JSON for the chart's data attribute. */
  public String getChartLabels() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    getDetail().topValues().forEach(s -> a.add(s.value()));
    return a.build().toString();
  }

  /** The top values' shares in percent, as JSON for the chart's data attribute. */
  public String getChartShares() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    getDetail().topValues().forEach(s -> a.add(Math.round(s.share() * 10_000) / 100.0));
    return a.build().toString();
  }

  public String upload() {
    if (file == null) {
      Pages.error("upload:file", "file: is missing (fix: choose a text or CSV file)");
      return null;
    }
    try (InputStream in = file.getInputStream()) {
      byte[] content = in.readAllBytes();
      CorpusView saved =
          CorpusView.of(
              corpora.upload(
                  new CorpusUpload(
                      name == null ? null : name.strip(),
                      file.getSubmittedFileName(),
                      content,
                      blankToNull(column),
                      blankToNull(weightsColumn),
                      allowPersonalData,
                      replace)));
      Pages.infoAfterRedirect(
          "Corpus "
              + saved.name()
              + " is ready: "
              + saved.size()
              + " values, sha256 "
              + saved.sha256());
      return Pages.go("corpora.xhtml?name=" + saved.name());
    } catch (IOException e) {
      Pages.error("upload:file", "file: cannot be read (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      List<FieldProblem> fields =
          ConsoleErrors.toFields(ConsoleErrors.problems(e), CorporaBean::fieldOf);
      if (fields.isEmpty()) {
        Pages.error(null, ConsoleErrors.message(e));
      }
      fields.forEach(p -> Pages.error(p.field() == null ? null : "upload:" + p.field(), p.text()));
    }
    return null;
  }

  public String delete(String corpus) {
    try {
      corpora.delete(corpus);
      Pages.infoAfterRedirect("Deleted corpus " + corpus + ".");
      return Pages.go("corpora.xhtml");
    } catch (RuntimeException e) {
      Pages.error(null, ConsoleErrors.message(e));
      return null;
    }
  }

  static String fieldOf(String path) {
    if (path == null) {
      return null;
    }
    return switch (path) {
      case "name" -> "name";
      case "file" -> "file";
      case "column" -> "column";
      case "weights_column" -> "weights-column";
      case "format" -> "file";
      default -> FIELDS.contains(path) ? path : null;
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getSelected() {
    return selected;
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getColumn() {
    return column;
  }

  public void setColumn(String column) {
    this.column = column;
  }

  public String getWeightsColumn() {
    return weightsColumn;
  }

  public void setWeightsColumn(String weightsColumn) {
    this.weightsColumn = weightsColumn;
  }

  public boolean isAllowPersonalData() {
    return allowPersonalData;
  }

  public void setAllowPersonalData(boolean allowPersonalData) {
    this.allowPersonalData = allowPersonalData;
  }

  public boolean isReplace() {
    return replace;
  }

  public void setReplace(boolean replace) {
    this.replace = replace;
  }
}
