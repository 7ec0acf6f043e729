package dev.scholarsearch.search;

import java.util.Optional;
import dev.scholarsearch.index.InvalidRequestException;
import java.util.Objects;

/**
 * A keyword search.
 *
 * @param query the user's query text; blank lists the papers that pass the filters
 * @param exact search the unstemmed fields
 * @param explain attach Lucene's score explanation to each hit
 * @param facetLimit values returned per facet
 * @param mode lexical, semantic or hybrid; none for the index's default (hybrid when it has vectors)
 */
public record SearchRequest(String query, SearchFilters filters, SortOrder sort, int offset, int limit, boolean exact,
    boolean explain, int facetLimit, Optional<SearchMode> mode) {
  public static final int MAX_LIMIT = 100;
  public static final int MAX_WINDOW = 10_000;
  public static final int MAX_FACET_LIMIT = 100;
  public static final int MAX_QUERY_CHARS = 1_000;

  public SearchRequest {
    query = Objects.requireNonNullElse(query, "");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(mode, "mode");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidRequestException.badParameter("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw InvalidRequestException.badParameter("offset must be 0 or more, got " + offset);
    }
    if ((long) offset + limit > MAX_WINDOW) {
      throw InvalidRequestException.badParameter(
          "offset+limit must be at most " + MAX_WINDOW + ", got " + ((long) offset + limit));
    }
    if (facetLimit < 0 || facetLimit > MAX_FACET_LIMIT) {
      throw InvalidRequestException.badParameter("facetLimit must be between 0 and " + MAX_FACET_LIMIT + ", got " + facetLimit);
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException("query_too_long",
          "q must be at most " + MAX_QUERY_CHARS + " characters, got " + query.length());
    }
  }

  /** A search in the given mode. */
  public SearchRequest(String query, SearchFilters filters, SortOrder sort, int offset, int limit, boolean exact,
      boolean explain, int facetLimit, SearchMode mode) {
    this(query, filters, sort, offset, limit, exact, explain, facetLimit, Optional.of(mode));
  }

  /** The same search in another mode. */
  public SearchRequest withMode(SearchMode m) {
    return new SearchRequest(query, filters, sort, offset, limit, exact, explain, facetLimit, Optional.of(m));
  }

  /** A plain relevance search for the top {@code limit} papers. */
  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, SearchFilters.NONE, SortOrder.RELEVANCE, 0, limit, false, false, 10,
        Optional.empty());
  }
}
