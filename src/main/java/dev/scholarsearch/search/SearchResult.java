package dev.scholarsearch.search;

import java.util.List;
import java.util.Map;

/**
 * A page of search results with facet counts for the whole result set.
 *
 * @param totalRelation "eq" when {@code total} is exact; "gte" when it is a lower bound (a search
 *     without facets stops counting at 1,000 to rank faster)
 * @param mode the mode the search ran in: lexical, semantic or hybrid
 */
public record SearchResult(long total, String totalRelation, int offset, int limit, List<PaperHit> hits,
    Map<String, List<FacetValue>> facets, String mode) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }
}
