package dev.syngen.server.interfaces.console;

import dev.syngen.server.application.llm.LlmActivity;
import dev.syngen.server.application.llm.LlmCacheService;
import dev.syngen.server.application.llm.LlmProviderService;
import dev.syngen.server.interfaces.view.LlmProviderView;
import dev.syngen.server.interfaces.view.LlmTestView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The LLM page: the provider profiles with their health (key variable set, circuit settings) and a
 * test button for admins, the shared answer cache, what runs asked and cost over the last 30 days
 * (by day and by provider), and guided prompts for a provider that needed its fallback and a run
 * near its caps. Reads and tests go through the LLM application services.
 */
@Named
@RequestScoped
public class LlmBean {
  static final int DAYS = 30;

  @Inject LlmProviderService providers;
  @Inject LlmCacheService cache;

  private String profileProblem;
  private LlmActivity activity;
  private LlmTestView tested;
  private String testedId;

  /** The providers' rows, as the page showed them while a click is handled (RowsShown). */
  public List<LlmProviderView> getProviders() {
    return RowsShown.of("providers", this::readProviders);
  }

  private List<LlmProviderView> readProviders() {
    try {
      return providers.list().stream().map(LlmProviderView::of).toList();
    } catch (RuntimeException e) {
      profileProblem = ConsoleErrors.message(e);
      return List.of();
    }
  }

  /** Why the profiles could not be read, or null. */
  public String getProfileProblem() {
    getProviders();
    return profileProblem;
  }

  public long getCacheEntries() {
    return cache.entries();
  }

  public LlmActivity getActivity() {
    if (activity == null) {
      activity = providers.activity(DAYS);
    }
    return activity;
  }

  /** The period's counts by the provider that answered, by provider id. */
  public List<LlmActivity.Day> getProviderUsage() {
    return List.copyOf(getActivity().providers().values());
  }

  /** The day's cost as a share of the busiest day, 0 to 100, for the bar beside it. */
  public long share(LlmActivity.Day day) {
    return Math.round(100 * day.cost() / getActivity().maxDailyCost());
  }

  public String money(double cost) {
    return String.format(Locale.ROOT, "%.6f", cost);
  }

  public String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }

  /**
   * Sends one tiny request to the provider (admin); the answer or the problem shows on the page.
   */
  public void test(String id) {
    if (!Pages.posted(id, "provider")) {
      return;
    }
    testedId = id;
    try {
      tested = LlmTestView.of(id, providers.test(id));
      Pages.info("Provider " + id + " answered in " + tested.latencyMs() + " ms");
    } catch (RuntimeException e) {
      tested = null;
      Pages.error(null, "Provider " + id + ": " + ConsoleErrors.message(e));
    }
  }

  public LlmTestView getTested() {
    return tested;
  }

  public String getTestedId() {
    return testedId;
  }

  /** Guided prompts: a key variable not set, fallbacks used, a run near or at its caps. */
  public List<Prompt> getPrompts() {
    List<Prompt> out = new ArrayList<>();
    for (LlmProviderView p : getProviders()) {
      if (!p.apiKeySet()) {
        out.add(
            new Prompt(
                Prompt.TROUBLE,
                "warn",
                "Provider " + p.id() + " has no key",
                "Its key variable "
                    + p.apiKeyEnv()
                    + " is not set in the server's environment, so runs that route to it fall"
                    + " back or fail. Set it in server.env (or the container's Secret) and restart"
                    + " the server.",
                "Read how keys are set",
                "llm.xhtml#provider-" + p.id()));
      }
    }
    for (LlmActivity.RunUsage r : getActivity().runs()) {
      long fallbacks = r.usage().total().fallbacks();
      if (fallbacks > 0) {
        out.add(
            new Prompt(
                Prompt.TROUBLE,
                "warn",
                "Fallback in use for run " + r.runId(),
                fallbacks
                    + " answers came from a fallback provider: the primary failed or was"
                    + " rate-limited. Test the providers below, and see the run's log for the"
                    + " failures.",
                "Open the run",
                "run.xhtml?id=" + r.runId()));
      }
      double share = r.capShare();
      if (share >= LlmActivity.NEAR_CAP) {
        out.add(
            new Prompt(
                Prompt.GENERATION,
                share >= 1 ? "error" : "warn",
                (share >= 1 ? "Cap reached by run " : "Cost cap near for run ") + r.runId(),
                "It has spent "
                    + percent(share)
                    + " of its max_requests/max_cost. A restart counts on from there; raise the"
                    + " cap in a new run, or fill the cache first so reruns cost nothing.",
                "Open the run",
                "run.xhtml?id=" + r.runId()));
      }
    }
    return out;
  }
}
