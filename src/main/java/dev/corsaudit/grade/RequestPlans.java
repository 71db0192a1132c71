package dev.corsaudit.grade;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.fetch.RequestRules;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.PreflightPlan;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each engine decides before sending anything, computed once per row and carried with it:
 * engines differ (Chromium drops a page-set User-Agent and safelists client hints, Firefox counts
 * bytes &gt;= 0x80 and judges a repeated name line by line), so each gets its own plan.
 */
public record RequestPlans(Map<Engine, PreflightPlan> byEngine) {

  public RequestPlans {
    byEngine = Map.copyOf(byEngine);
  }

  /** Plans the request for every engine; engines with the same request rules share one plan. */
  public static RequestPlans of(CorsRequest request) {
    Map<RequestRules, PreflightPlan> byRule = new HashMap<>();
    Map<Engine, PreflightPlan> plans = new EnumMap<>(Engine.class);
    for (Engine engine : Engine.values()) {
      plans.put(
          engine,
          byRule.computeIfAbsent(
              engine.requestRules(), rules -> BrowserRequests.plan(request, rules)));
    }
    return new RequestPlans(plans);
  }

  public PreflightPlan of(Engine engine) {
    return byEngine.get(engine);
  }

  /**
   * What a fix must allow so the request passes in every engine: the top engine's method and every
   * header some engine counts as CORS-unsafe (a page-set User-Agent only Firefox and WebKit send).
   */
  public PreflightPlan everyEngine() {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    boolean needed = false;
    for (PreflightPlan plan : byEngine.values()) {
      names.addAll(plan.unsafeHeaderNames());
      needed |= plan.preflightNeeded();
    }
    return new PreflightPlan(top().normalizedMethod(), List.copyOf(names), needed);
  }

  /** The top engine's plan: the one the row's request line and fix advice describe. */
  public PreflightPlan top() {
    return byEngine.get(Engine.TOP);
  }
}
