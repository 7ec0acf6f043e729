package dev.scholarsearch.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * What a {@link Retriever} found.
 *
 * @param ranked the best papers, at most the plan's depth, in the order asked for
 * @param total how many papers matched (the ranking's length when not counted)
 * @param exactTotal whether {@code total} is exact or a lower bound
 * @param facets counts by dimension, every dimension present (empty when not counted)
 * @param estimated the dimensions whose counts were estimated from a sample
 * @param lexical the keyword query as it ranked, filters included, when the plan had one
 */
public record Retrieval(List<Ranked> ranked, long total, boolean exactTotal, Map<String, List<FacetValue>> facets,
    List<String> estimated, Optional<Query> lexical) {
  public Retrieval {
    ranked = List.copyOf(ranked);
    estimated = List.copyOf(estimated);
  }

  /**
   * One ranked paper.
   *
   * @param doc its document number in the searcher it came from
   * @param score BM25 (lexical), cosine similarity (semantic) or the fused score (hybrid); 0 when
   *     sorted by date without a score
   * @param fusion what each side of a semantic or hybrid ranking gave it; empty for a keyword
   *     match that only the lexical side saw
   */
  public record Ranked(int doc, float score, Optional<RankFusion.Fused> fusion) {
    /** "lexical", "semantic" or "both". */
    public String matchedBy(SearchMode mode) {
      return fusion.map(RankFusion.Fused::matchedBy).orElse(mode == SearchMode.SEMANTIC ? "semantic" : "lexical");
    }

    /** The cosine similarity to the query, when the semantic side ranked it. */
    public Optional<Float> similarity() {
      return fusion.filter(RankFusion.Fused::semantic).map(RankFusion.Fused::similarity);
    }
  }
}
