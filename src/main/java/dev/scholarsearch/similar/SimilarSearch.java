package dev.scholarsearch.similar;

import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import java.util.List;
import java.util.Optional;

/** Similar papers, as the API asks for them. */
public interface SimilarSearch {
  /** Papers like the paper {@code id}, never itself; empty when there is no such paper. */
  Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit, Optional<SearchMode> mode);

  /** Papers like a pasted text. */
  List<SimilarHit> likeText(String text, SearchFilters filters, int limit, Optional<SearchMode> mode);
}
