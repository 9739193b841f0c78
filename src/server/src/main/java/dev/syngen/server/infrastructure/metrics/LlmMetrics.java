package dev.syngen.server.infrastructure.metrics;

import dev.syngen.core.llm.LlmMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What llm_text columns ask of providers, labelled by provider id only (never a prompt, URL or
 * key): {@code syngen_llm_requests_total} (by outcome: answered, failed), {@code
 * syngen_llm_tokens_total} (by direction: input, output), {@code syngen_llm_cost_total} (a gauge:
 * the estimated cost is a fraction and MicroProfile counters count whole numbers), {@code
 * syngen_llm_fallbacks_total} (values not from the primary provider) and the histogram {@code
 * syngen_llm_latency_seconds}.
 */
@ApplicationScoped
public class LlmMetrics {
  static final String PROVIDER = "provider";

  private static final Metadata REQUESTS =
      Metadata.builder()
          .withName("syngen.llm.requests")
          .withDescription("Requests sent to LLM providers, by outcome")
          .build();
  private static final Metadata TOKENS =
      Metadata.builder()
          .withName("syngen.llm.tokens")
          .withDescription("Tokens counted by LLM providers, by direction")
          .build();
  private static final Metadata COST =
      Metadata.builder()
          .withName("syngen.llm.cost.total")
          .withDescription("Estimated cost of LLM requests, from the profiles' prices")
          .build();
  private static final Metadata FALLBACKS =
      Metadata.builder()
          .withName("syngen.llm.fallbacks")
          .withDescription(
              "Values not written by the primary provider: a fallback provider's answers and the"
                  + " cells of a declared fallback generator")
          .build();
  private static final Metadata LATENCY =
      Metadata.builder()
          .withName("syngen.llm.latency")
          .withDescription("Time of one request to an LLM provider")
          .withUnit(MetricUnits.SECONDS)
          .build();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private final Map<String, DoubleAdder> costs = new ConcurrentHashMap<>();

  /** The meter a run's LLM service reports to. */
  public LlmMeter meter() {
    return new LlmMeter() {
      @Override
      public void answered(String provider, long in, long out, double cost, long nanos) {
        Tag p = tag(provider);
        registry.counter(REQUESTS, p, new Tag("outcome", "answered")).inc();
        registry.counter(TOKENS, p, new Tag("direction", "input")).inc(in);
        registry.counter(TOKENS, p, new Tag("direction", "output")).inc(out);
        cost(provider).add(cost);
        registry.timer(LATENCY, p).update(Duration.ofNanos(nanos));
      }

      @Override
      public void failed(String provider, long nanos) {
        Tag p = tag(provider);
        registry.counter(REQUESTS, p, new Tag("outcome", "failed")).inc();
        registry.timer(LATENCY, p).update(Duration.ofNanos(nanos));
      }

      @Override
      public void fellBack(String provider, long values) {
        registry.counter(FALLBACKS, tag(provider)).inc(values);
      }
    };
  }

  private DoubleAdder cost(String provider) {
    return costs.computeIfAbsent(
        provider,
        id -> {
          DoubleAdder a = new DoubleAdder();
          registry.gauge(COST, a, DoubleAdder::sum, tag(id));
          return a;
        });
  }

  private static Tag tag(String provider) {
    return new Tag(PROVIDER, provider);
  }
}
