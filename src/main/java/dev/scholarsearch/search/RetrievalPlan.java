package dev.scholarsearch.search;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * What a {@link Retriever} is asked to rank, the mode already resolved. Every plan ranks papers
 * that pass its filters and match none of its prohibited queries, and wants its best {@code depth}.
 */
public sealed interface RetrievalPlan {
  SearchFilters filters();

  /** How many ranked papers the caller wants. */
  int depth();

  SearchMode mode();

  /** Papers by their words: {@code query}'s BM25 score. */
  record Lexical(Query query, SearchFilters filters, int depth) implements RetrievalPlan {
    @Override
    public SearchMode mode() {
      return SearchMode.LEXICAL;
    }
  }

  /**
   * Papers by meaning: the {@code nearest} papers to {@code vector} (none when the text had no
   * words to embed), scored by cosine similarity; {@code fusion} says which count as close.
   */
  record Semantic(Optional<float[]> vector, SearchFilters filters, List<Query> prohibited, int nearest,
      HybridTuning fusion, int depth)
      implements RetrievalPlan {
    public Semantic {
      prohibited = List.copyOf(prohibited);
    }

    @Override
    public SearchMode mode() {
      return SearchMode.SEMANTIC;
    }
  }

  /**
   * Both, fused ({@link HybridTuning}): the best {@code lexicalDepth} keyword matches and the
   * {@code nearest} papers by meaning, with vector feedback when {@code fusion} asks for it.
   */
  record Hybrid(Query lexical, int lexicalDepth, Optional<float[]> vector, SearchFilters filters, List<Query> prohibited,
      int nearest, HybridTuning fusion, MeaningOnly meaningOnly, int depth) implements RetrievalPlan {
    public Hybrid {
      prohibited = List.copyOf(prohibited);
    }

    @Override
    public SearchMode mode() {
      return SearchMode.HYBRID;
    }
  }

  /** Which papers that share no keyword with the query a hybrid ranking keeps. */
  enum MeaningOnly {
    /** All of them (similar papers: a paper can be like another in other words). */
    ALL,
    /** Those at least {@link HybridTuning#minSimilarity()} close in meaning. */
    CLOSE,
    /** None: the query asked for exact words. */
    NONE
  }
}
