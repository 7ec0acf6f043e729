package dev.scholarsearch.rank;

import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.search.Retrieval;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the expert vote reads about the pool of ranked papers and their authors: from the local
 * index ({@link ExpertRanker}), or from a cluster. The vote itself ({@link ExpertVote}) is the
 * same either way.
 */
public interface PoolReader {
  /** Each ranked paper's authors, as researcher ids, in the order given. */
  List<List<String>> authors(List<Retrieval.Ranked> pool) throws IOException;

  /** How many papers the researcher has in the whole index. */
  int paperCount(String researcherId) throws IOException;

  /**
   * A look-up of the researchers among {@code candidates} (best first); it is asked about them in
   * that order, and only until the ranking is full.
   */
  ResearcherLookup researchers(List<String> candidates) throws IOException;

  /** A paper shown as evidence: its id and title, and which of the topic's words it contains. */
  record EvidencePaper(String id, String title, List<String> topicWords) {}

  /**
   * The evidence papers' ids, titles and, for those in {@code byWords}, the topic's words they
   * contain; by document number.
   */
  Map<Integer, EvidencePaper> evidence(List<Retrieval.Ranked> papers, List<Retrieval.Ranked> byWords)
      throws IOException;

  /** See {@link #researchers}. */
  interface ResearcherLookup {
    Optional<Researcher> get(String id) throws IOException;
  }
}
