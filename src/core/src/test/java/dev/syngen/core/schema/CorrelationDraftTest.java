package dev.syngen.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.profile.Profiler;
import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.schema.Draft.DraftColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The profile records the rank correlation of numeric columns, and the draft turns a strong one
 * into a Gaussian copula with the earlier column, leaving independent columns alone.
 */
class CorrelationDraftTest {
  /** price, weight following price, and qty independent of both. */
  private static TableSource products(int n) {
    Random r = new Random(7);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double price = Math.exp(3 + r.nextGaussian() * 0.7);
      double weight = price * (0.5 + r.nextDouble()) * 0.3;
      rows.add(
          new String[] {
            Double.toString(price), Double.toString(weight), Integer.toString(1 + r.nextInt(9))
          });
    }
    return new TableSource() {
      @Override
      public List<String> columns(String table) {
        return List.of("price", "weight", "qty");
      }

      @Override
      public Sample sample(String table, List<String> columns, int size, long seed) {
        return new Sample(rows.size(), rows);
      }

      @Override
      public void scan(String table, List<String> columns, String orderBy, RowVisitor visitor) {
        rows.forEach(visitor::row);
      }

      @Override
      public void close() {}
    };
  }

  private static DraftColumn empirical(String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("type", "double");
    m.put("generator", Map.of("type", "empirical", "params", Map.of("quantiles", Map.of())));
    return new DraftColumn("numbers follow the sampled percentiles", m);
  }

  @Test
  void aStrongCorrelationBecomesACopulaAndAWeakOneDoesNot() {
    TableProfile tp = new Profiler(10, 20_000, 0, 42).profile(products(2000), "products");
    TableProfile.Correlation c = tp.correlation("weight", "price").orElseThrow();
    assertTrue(c.spearman() > 0.7 && c.spearman() < 0.95, "Spearman " + c.spearman());
    assertEquals(2000, c.pairs());
    assertTrue(
        tp.correlation("price", "qty").map(x -> Math.abs(x.spearman()) < 0.1).orElse(true),
        "qty is independent: " + tp.correlations());

    List<DraftColumn> drafted =
        SchemaDrafter.correlate(
            tp, List.of(empirical("price"), empirical("weight"), empirical("qty")));
    assertEquals("empirical", generator(drafted.get(0)).get("type"), "the first column leads");
    Map<?, ?> weight = generator(drafted.get(1));
    assertEquals("correlated", weight.get("type"));
    Map<?, ?> params = (Map<?, ?>) weight.get("params");
    assertEquals("price", params.get("with"));
    double rho = ((Number) params.get("rho")).doubleValue();
    // the copula's rho has the sampled Spearman: (6/pi) asin(rho/2) = rho_s
    assertEquals(c.spearman(), 6 / Math.PI * Math.asin(rho / 2), 1e-3);
    assertEquals("empirical", ((Map<?, ?>) params.get("distribution")).get("type"));
    assertTrue(drafted.get(1).why().contains("Gaussian copula"), drafted.get(1).why());
    assertEquals("empirical", generator(drafted.get(2)).get("type"), "qty stays independent");
  }

  private static Map<?, ?> generator(DraftColumn c) {
    return (Map<?, ?>) c.column().get("generator");
  }
}
