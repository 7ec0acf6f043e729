package dev.scholarsearch.search;

import java.util.List;
import java.util.Map;

/** A page of search results with facet counts for the whole result set. */
public record SearchResult(long total, int offset, int limit, List<PaperHit> hits, Map<String, List<FacetValue>> facets) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }
}
