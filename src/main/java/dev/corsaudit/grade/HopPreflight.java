package dev.corsaudit.grade;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.PreflightPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** One engine's preflight of a hop: what it asks for, and the Origin it carries. */
  public record Sent(PreflightPlan plan, String origin) {}

  /**
   * The preflights the browser engines send before a hop, each with the engines that send exactly
   * it, the top engine's first: the audit sends each one once (usually one or two), so every engine
   * is graded on the answer to its own request, also from a server that echoes the Origin.
   *
   * @param page the page's request
   * @param first each engine's plan of the page's request
   * @param hopRequest the hop's request (its Origin is "null" after a cross-origin hop)
   * @param hop each engine's plan of the hop's request
   */
  public static Map<Sent, List<Engine>> toSend(
      CorsRequest page, RequestPlans first, CorsRequest hopRequest, RequestPlans hop) {
    Map<Sent, List<Engine>> sends = new LinkedHashMap<>();
    List<Engine> order = new ArrayList<>(List.of(Engine.TOP));
    for (Engine engine : Engine.values()) {
      if (engine.browser() && engine != Engine.TOP) {
        order.add(engine);
      }
    }
    for (Engine engine : order) {
      PreflightPlan plan =
          plan(engine, first.of(engine), first.of(engine).preflightNeeded(), hop.of(engine));
      if (plan != null) {
        String origin = engine.hopPreflightSendsPageOrigin() ? page.origin() : hopRequest.origin();
        sends.computeIfAbsent(new Sent(plan, origin), k -> new ArrayList<>()).add(engine);
      }
    }
    return sends;
  }
}
