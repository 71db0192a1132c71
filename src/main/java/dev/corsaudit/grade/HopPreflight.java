package dev.corsaudit.grade;

import dev.corsaudit.model.PreflightPlan;

/**
 * Which preflight an engine sends before a redirect hop of the actual request (its {@link
 * Engine.RedirectPreflight}): Chromium and the Fetch Standard only when the hop's own request needs
 * one; Firefox and WebKit again at every hop once the request was preflighted, even after a 301,
 * 302 or 303 made it a simple GET. Conformance cases {@code rd-post-json-30*} and {@code
 * rd-authorization-dropped-*}.
 */
public final class HopPreflight {

  private HopPreflight() {}

  /**
   * @param first the engine's plan of the page's request
   * @param firstPreflighted whether the engine preflighted the page's request
   * @param hop the engine's plan of the hop's request
   * @return what the engine's preflight of the hop asks for, or null when it sends none
   */
  public static PreflightPlan plan(
      Engine engine, PreflightPlan first, boolean firstPreflighted, PreflightPlan hop) {
    if (engine.redirectPreflight() == Engine.RedirectPreflight.WHEN_NEEDED || !firstPreflighted) {
      return hop.preflightNeeded() ? hop : null;
    }
    return new PreflightPlan(
        hop.normalizedMethod(),
        engine.redirectPreflight() == Engine.RedirectPreflight.AGAIN_WITH_FIRST_HEADERS
            ? first.unsafeHeaderNames()
            : hop.unsafeHeaderNames(),
        true);
  }

  /**
   * The hop preflight the audit sends so every browser engine that preflights the hop can be
   * graded: the top engine's when it sends one, else the first other browser engine's; null when no
   * browser engine preflights the hop. One recorded answer serves every engine.
   */
  public static PreflightPlan toSend(RequestPlans first, RequestPlans hop) {
    PreflightPlan top = plan(Engine.TOP, first.top(), first.top().preflightNeeded(), hop.top());
    if (top != null) {
      return top;
    }
    for (Engine engine : Engine.values()) {
      if (engine.browser()) {
        PreflightPlan plan =
            plan(engine, first.of(engine), first.of(engine).preflightNeeded(), hop.of(engine));
        if (plan != null) {
          return plan;
        }
      }
    }
    return null;
  }
}
