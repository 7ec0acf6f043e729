package dev.scholarsearch.http;

import dev.scholarsearch.rank.Expert;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.rank.ExpertSearch;
import dev.scholarsearch.rank.ProfileLookup;
import dev.scholarsearch.rank.ResearcherProfile;
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
final class NotOnCluster implements SimilarSearch, ExpertSearch, ProfileLookup, TypeAhead {
  @Override
  public Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit, Optional<SearchMode> mode) {
    throw new NotOnClusterException("similar papers");
  }

  @Override
  public List<SimilarHit> likeText(String text, SearchFilters filters, int limit, Optional<SearchMode> mode) {
    throw new NotOnClusterException("similar papers");
  }

  @Override
  public List<Expert> rank(String topic, SearchFilters filters, ExpertRanker.Scope scope, int limit,
      Optional<SearchMode> mode) {
    throw new NotOnClusterException("researchers by topic");
  }

  @Override
  public Optional<ResearcherProfile> profile(String id) {
    throw new NotOnClusterException("researcher profiles");
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    throw new NotOnClusterException("suggestions");
  }
}
