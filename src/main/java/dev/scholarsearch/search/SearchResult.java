package dev.scholarsearch.search;

import java.util.List;
import java.util.Map;

/**
 * A page of search results with facet counts for the whole result set.
 *
 * @param totalRelation "eq" when {@code total} is exact; "gte" when it is a lower bound (a search
 *     without facets stops counting at 1,000 to rank faster)
 * @param estimatedFacets the facet dimensions whose counts are estimates from a sample of the
 *     matches (authors, over a result set of more than 20,000 papers); the others are exact
 * @param mode the mode the search ran in: lexical, semantic or hybrid
 */
public record SearchResult(long total, String totalRelation, int offset, int limit, List<PaperHit> hits,
    Map<String, List<FacetValue>> facets, List<String> estimatedFacets, String mode) {
  public SearchResult {
    hits = List.copyOf(hits);
    estimatedFacets = List.copyOf(estimatedFacets);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }
}
