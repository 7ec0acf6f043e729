package dev.scholarsearch.search;

import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.util.Map;
import java.util.Optional;

/** Keyword search and paper look-ups, as the API asks them of an index: a local one or a cluster. */
public interface PaperSearch {
  SearchResult search(SearchRequest req);

  /** The paper with this id, if there is one. */
  Optional<Paper> paper(String id);

  /** The researchers whose profile pages list {@code p}, by page file. */
  Map<String, Researcher> pageOwners(Paper p);
}
