package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A fragment identifier keeps lower-case letters and digits; every other character is a dash. */
class HtmlAnchorTest {

  @Test
  void onlyLettersAndDigitsSurvive() {
    // The characters just outside a-z ('`', '{') and 0-9 ('/', ':') become dashes.
    assertEquals("-az--09-", Html.anchor("`az{/09:"));
    assertEquals("openrouter-post--v1", Html.anchor("OpenRouter POST /v1"));
  }
}
