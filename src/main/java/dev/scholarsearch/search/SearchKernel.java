package dev.scholarsearch.search;

import java.util.Optional;
import dev.scholarsearch.index.LiveIndex;

/**
 * What every kind of question ranks papers with: a planner that turns the request into a plan, and
 * the retriever that runs it. Search, similar papers and researcher ranking share one.
 */
public record SearchKernel(SearchPlanner planner, Retriever retriever) {
  /** Loads the embedding model, outside any request's budget, when {@code asked} will need it. */
  public void prepareFor(LiveIndex index, Optional<SearchMode> asked) {
    planner.queryVectors().prepareFor(index, asked);
  }
}
