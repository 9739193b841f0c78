package dev.syngen.io.yaml;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses untrusted YAML (or JSON, a YAML subset) into plain maps and lists, with hard bounds: a
 * size limit, few aliases (no "billion laughs"), no duplicate or recursive keys, bounded nesting.
 * Every failure becomes a {@link ValidationException} with the line and column, never a stack
 * trace.
 */
public final class YamlDocuments {
  /** Largest document accepted, in characters. */
  public static final int MAX_CHARS = 2 * 1024 * 1024;

  private static final int MAX_ALIASES = 20;
  private static final int MAX_DEPTH = 40;

  private YamlDocuments() {}

  public static Object parse(String text, String label) {
    if (text.length() > MAX_CHARS) {
      throw invalid(
          label,
          "the document has " + text.length() + " characters, more than the limit of " + MAX_CHARS,
          "split it or remove unused content");
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(MAX_CHARS)
            .setUseMarks(true)
            .build();
    try {
      Object tree = new Load(settings).loadFromString(text);
      checkDepth(tree, 0, label);
      return tree;
    } catch (MarkedYamlEngineException e) {
      String where =
          e.getProblemMark().map(YamlDocuments::position).orElse("")
              + e.getProblem().replace('\n', ' ');
      throw invalid(label, "malformed YAML: " + where, "fix the syntax at that line");
    } catch (YamlEngineException e) {
      throw invalid(
          label, "malformed YAML: " + e.getMessage().replace('\n', ' '), "fix the syntax");
    } catch (StackOverflowError e) {
      throw invalid(label, "the document nests too deeply", "flatten the structure");
    }
  }

  private static String position(Mark m) {
    return "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ";
  }

  private static void checkDepth(Object node, int depth, String label) {
    if (depth > MAX_DEPTH) {
      throw invalid(label, "the document nests deeper than " + MAX_DEPTH + " levels", "flatten it");
    }
    if (node instanceof java.util.Map<?, ?> m) {
      for (Object v : m.values()) {
        checkDepth(v, depth + 1, label);
      }
    } else if (node instanceof List<?> l) {
      for (Object v : l) {
        checkDepth(v, depth + 1, label);
      }
    }
  }

  private static ValidationException invalid(String label, String message, String fix) {
    return new ValidationException(label, List.of(new Problem("(yaml)", message, fix)));
  }
}
