package dev.scholarsearch.index;

import java.time.Duration;

/** A request whose searches ran past the time budget and were stopped. */
public final class QueryTimeoutException extends RuntimeException {
  public QueryTimeoutException(Duration budget) {
    super("the query took longer than its time budget of " + budget.toMillis()
        + " ms and was stopped; make it more specific (fewer words, no short prefixes) or try again later");
  }
}
