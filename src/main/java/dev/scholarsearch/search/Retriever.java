package dev.scholarsearch.search;

import dev.scholarsearch.index.LiveIndex;
import java.io.IOException;

/**
 * The one place papers are ranked: BM25, nearest neighbours by meaning, their fusion and vector
 * feedback. Search, similar papers and researcher ranking each build a {@link RetrievalPlan}, hand
 * it here, and format what comes back. Another engine (a cluster) implements this seam.
 */
public interface Retriever {
  /**
   * The plan's best papers in {@code order}, and, as {@code counting} asks, how many matched and
   * their facet counts.
   */
  Retrieval retrieve(LiveIndex.Snapshot searcher, RetrievalPlan plan, SortOrder order, Counting counting)
      throws IOException;

  /** The plan's best papers by relevance, nothing counted. */
  default Retrieval rank(LiveIndex.Snapshot searcher, RetrievalPlan plan) throws IOException {
    return retrieve(searcher, plan, SortOrder.RELEVANCE, Counting.NONE);
  }

  /**
   * What to count besides the ranking.
   *
   * @param total count the matches (exactly up to a threshold, beyond it a lower bound)
   * @param facetLimit values per facet dimension; 0 counts no facets
   */
  record Counting(boolean total, int facetLimit) {
    public static final Counting NONE = new Counting(false, 0);

    public Counting {
      if (facetLimit < 0 || (facetLimit > 0 && !total)) {
        throw new IllegalArgumentException("facet counts come with the total; facetLimit must be 0 or more, got "
            + facetLimit);
      }
    }

    public static Counting of(int facetLimit) {
      return new Counting(true, facetLimit);
    }
  }
}
