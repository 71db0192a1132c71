package dev.corsaudit.grade;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;

/**
 * One request fetch() made after a redirect of the actual request: the request as it then was (URL,
 * method, Origin — "null" once tainted — and headers), its own preflight when it needed one, and
 * what came back.
 *
 * @param preflight the preflight sent before it, or null when none was needed
 */
public record RedirectHop(
    CorsRequest request, RequestPlans plans, Exchange preflight, Exchange response) {}
