package dev.corsaudit.grade;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.PreflightPlan;
import java.util.List;

/**
 * One engine's verdict on one redirect hop of the actual request: a redirect fetch() refused to
 * follow is a FAIL; otherwise the hop's preflight (when this engine sends one, {@link
 * HopPreflight}) and its response get the usual checks, with the hop's Origin ("null" once tainted)
 * — except that Firefox's hop preflight carries the page's origin.
 */
final class HopGrader {

  private HopGrader() {}

  /**
   * @param page the page's request
   * @param firstPlan the engine's plan of the page's request
   * @param firstPreflighted whether the engine preflighted the page's request
   */
  static EngineVerdict grade(
      Engine engine,
      CorsRequest page,
      PreflightPlan firstPlan,
      boolean firstPreflighted,
      RedirectHop hop) {
    CorsRequest request = hop.request();
    if (hop.refusal() != null) {
      Block.RedirectRefused block = new Block.RedirectRefused(hop.refusal().location(), 0);
      return new EngineVerdict(
          engine,
          Outcome.FAIL,
          List.of(Causes.redirectRefused(hop.refusal().why())),
          ConsoleMessages.of(engine, block, request.url(), request.origin()),
          null);
    }
    PreflightPlan hopPlan = hop.plans().of(engine);
    PreflightPlan preflightPlan = HopPreflight.plan(engine, firstPlan, firstPreflighted, hopPlan);
    String preflightOrigin =
        engine.hopPreflightSendsPageOrigin() ? page.origin() : request.origin();
    EngineGrader.Hop context = new EngineGrader.Hop(page.url(), page.origin(), preflightOrigin);
    return EngineGrader.gradeHop(
        engine,
        request,
        context,
        preflightPlan != null ? preflightPlan : hopPlan,
        preflightPlan != null ? hop.preflightFor(engine) : null,
        hop.response());
  }
}
