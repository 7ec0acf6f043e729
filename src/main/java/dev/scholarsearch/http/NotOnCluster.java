package dev.scholarsearch.http;

import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.Suggestion;
import dev.scholarsearch.search.TypeAhead;
import dev.scholarsearch.similar.SimilarHit;
import dev.scholarsearch.similar.SimilarSearch;
import java.util.List;
import java.util.Optional;

/**
 * The services a server on a cluster does not have yet: each request says so with a 501, rather
 * than answer from nothing.
 */
final class NotOnCluster implements SimilarSearch, TypeAhead {
  @Override
  public Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit, Optional<SearchMode> mode) {
    throw new NotOnClusterException("similar papers");
  }

  @Override
  public List<SimilarHit> likeText(String text, SearchFilters filters, int limit, Optional<SearchMode> mode) {
    throw new NotOnClusterException("similar papers");
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    throw new NotOnClusterException("suggestions");
  }
}
