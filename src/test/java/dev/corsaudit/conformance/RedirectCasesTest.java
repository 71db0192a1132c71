package dev.corsaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.RedirectHop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The redirect cases and how they are graded through their chain, without a browser. */
class RedirectCasesTest {

  private static final String BASE = "http://localhost:8081";

  private final List<ConformanceCase> cases = ConformanceCases.load();

  private ConformanceCase byId(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyRedirectCaseRecordsEachHopForEveryBrowser() {
    long redirecting = cases.stream().filter(ConformanceCase::redirected).count();
    assertTrue(redirecting >= 20, "only " + redirecting + " redirect cases");
    for (ConformanceCase c : cases) {
      c.observed()
          .forEach(
              (engine, seen) ->
                  assertEquals(
                      c.redirects().size(), seen.hops().size(), c.id() + " " + engine.key()));
    }
  }

  @Test
  void placeholdersNameTheTwoTargetOrigins() {
    ConformanceCase c = byId("rd-get-302-cross-origin-star");
    assertEquals(
        "http://127.0.0.1:8081/case/rd-get-302-cross-origin-star/1",
        c.toActualExchange(BASE).response().header("Location"));
    assertEquals("http://127.0.0.1:8081", ConformanceCase.secondTarget(BASE));
    assertEquals(BASE, ConformanceCase.secondTarget("http://127.0.0.1:8081"));
  }

  @Test
  void theChainIsFollowedAsTheAuditFollowsIt() {
    ConformanceCase c = byId("rd-chain-21");
    List<RedirectHop> hops =
        CaseChain.hops(
            c,
            BASE,
            c.toCorsRequest(BASE),
            dev.corsaudit.grade.RequestPlans.of(c.toCorsRequest(BASE)),
            c.toActualExchange(BASE));
    assertEquals(21, hops.size(), "20 hops sent, then the 21st redirect refused");
    assertTrue(hops.get(20).refusal() != null);
    assertEquals(
        "null",
        CaseChain.hops(
                byId("rd-tainted-stays-null"),
                BASE,
                byId("rd-tainted-stays-null").toCorsRequest(BASE),
                dev.corsaudit.grade.RequestPlans.of(
                    byId("rd-tainted-stays-null").toCorsRequest(BASE)),
                byId("rd-tainted-stays-null").toActualExchange(BASE))
            .get(1)
            .request()
            .origin(),
        "back on the first origin, still tainted");
  }

  @Test
  void firefoxAndWebKitPreflightTheGetA302Leaves() {
    ConformanceCase c = byId("rd-post-json-302-same-origin-hop-preflight-ok");
    assertEquals(0, c.observed().get(Engine.CHROMIUM).hops().get(0).preflights());
    assertEquals(1, c.observed().get(Engine.FIREFOX).hops().get(0).preflights());
    assertEquals(
        "content-type", c.observed().get(Engine.WEBKIT).hops().get(0).requestHeadersHeader());
    assertEquals(List.of(), c.observed().get(Engine.WEBKIT).hops().get(0).headers());
  }
}
