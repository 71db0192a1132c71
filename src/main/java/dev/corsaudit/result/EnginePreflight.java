package dev.corsaudit.result;

import dev.corsaudit.grade.Engine;
import dev.corsaudit.model.Exchange;
import java.util.List;

/**
 * A preflight some engines send and the top engine does not (or not like this): a page-set
 * User-Agent, a client hint or a high byte makes engines plan the request differently.
 *
 * @param engines the engines that send exactly this preflight
 */
public record EnginePreflight(List<Engine> engines, Exchange exchange) {

  public EnginePreflight {
    engines = List.copyOf(engines);
  }
}
