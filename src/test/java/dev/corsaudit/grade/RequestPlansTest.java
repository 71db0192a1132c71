package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each engine plans the request itself; a fix must cover all of them. */
class RequestPlansTest {

  private static final CorsRequest WITH_AGENT =
      new CorsRequest(
          "https://api.example.com/v1",
          "https://app.example.com",
          "get",
          List.of(new HeaderLine("User-Agent", "my-app/1.0")),
          CredentialsMode.OMIT);

  @Test
  void chromiumDropsAPageSetUserAgentTheOthersPreflightIt() {
    RequestPlans plans = RequestPlans.of(WITH_AGENT);
    assertFalse(plans.top().preflightNeeded());
    assertTrue(plans.of(Engine.FIREFOX).preflightNeeded());
    assertEquals(List.of("user-agent"), plans.of(Engine.WEBKIT).unsafeHeaderNames());
    assertEquals(
        plans.of(Engine.FIREFOX).unsafeHeaderNames(), plans.of(Engine.SPEC).unsafeHeaderNames());
  }

  @Test
  void aFixCoversEveryEngine() {
    var every = RequestPlans.of(WITH_AGENT).everyEngine();
    assertEquals("GET", every.normalizedMethod());
    assertEquals(List.of("user-agent"), every.unsafeHeaderNames());
    assertTrue(every.preflightNeeded());
  }
}
