package dev.scholarsearch.rank;

import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import java.util.List;
import java.util.Optional;

/** Researchers ranked by topic, and their profiles, as the API asks for them. */
public interface ExpertSearch {
  List<Expert> rank(String topic, SearchFilters filters, ExpertRanker.Scope scope, int limit, Optional<SearchMode> mode);
}
