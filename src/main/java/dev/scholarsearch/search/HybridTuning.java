package dev.scholarsearch.search;

/**
 * How lexical and semantic rankings are fused, tuned on CACM (docs/EVALUATION.md).
 *
 * <p>{@link Method#SCORES} (the default) is a convex combination of normalised scores:
 * {@code lexicalShare * bm25 / bestBm25 + (1 - lexicalShare) * (cos - cosFloor) / (bestCos - cosFloor)},
 * where the floor is the cosine of the {@code semanticDepth}-th nearest paper. It keeps how strongly
 * each side matched, so a paper that is very close in meaning outranks one that only shares a
 * common word. {@link Method#RRF} is weighted reciprocal-rank fusion, {@code 1/(k + lexical rank) +
 * semanticWeight/(k + semantic rank)}, which sees only ranks. A side a paper is missing from adds nothing.
 *
 * @param k the RRF constant
 * @param semanticWeight RRF weight of the semantic side against the lexical side (1)
 * @param lexicalShare the lexical side's share of a combined score (the semantic side has the rest)
 * @param semanticDepth how many nearest papers the semantic side contributes (and normalises over)
 * @param lexicalDepth how many lexical hits take part in the fusion (at least the page asked for)
 * @param minSimilarity the cosine similarity a paper without a keyword match needs to be a hybrid
 *     hit at all; without it every query would "match" the whole semantic list, and totals and
 *     facet counts would mean nothing
 * @param feedbackDocs vector feedback (Rocchio on the query vector): the semantic side is searched
 *     again with the query vector moved towards the mean vector of this many best papers of the
 *     first fused ranking, and fused again; 0 turns it off
 * @param feedbackWeight the original query vector's share of the moved one (the papers have the rest)
 */
public record HybridTuning(Method method, int k, float semanticWeight, float lexicalShare, int semanticDepth,
    int lexicalDepth, float minSimilarity, int feedbackDocs, float feedbackWeight) {
  public static final HybridTuning DEFAULT =
      new HybridTuning(Method.SCORES, 60, 0.5f, 0.6f, 1_000, 1_000, 0.3f, 5, 0.5f);
  /** The semantic side never ranks deeper than this: HNSW search cost grows with k. */
  public static final int MAX_SEMANTIC_DEPTH = 1_000;
  /** Feedback from more papers than this drifts off the query's topic. */
  public static final int MAX_FEEDBACK_DOCS = 100;

  /** The fusion formula. */
  public enum Method {
    SCORES, RRF
  }

  public HybridTuning {
    if (k < 1 || semanticWeight < 0 || lexicalShare < 0 || lexicalShare > 1 || semanticDepth < 1
        || semanticDepth > MAX_SEMANTIC_DEPTH || lexicalDepth < 1
        || feedbackDocs < 0 || feedbackDocs > MAX_FEEDBACK_DOCS || !(feedbackWeight > 0 && feedbackWeight <= 1)) {
      throw new IllegalArgumentException("need k >= 1, semanticWeight >= 0, 0 <= lexicalShare <= 1, 1 <= semanticDepth <= "
          + MAX_SEMANTIC_DEPTH + ", lexicalDepth >= 1, 0 <= feedbackDocs <= " + MAX_FEEDBACK_DOCS
          + " and 0 < feedbackWeight <= 1, got k=" + k + ", semanticWeight=" + semanticWeight
          + ", lexicalShare=" + lexicalShare + ", semanticDepth=" + semanticDepth + ", lexicalDepth=" + lexicalDepth
          + ", feedbackDocs=" + feedbackDocs + ", feedbackWeight=" + feedbackWeight);
    }
  }

  /** The same fusion with {@code n} feedback papers (0: no vector feedback). */
  public HybridTuning withFeedbackDocs(int n) {
    return new HybridTuning(method, k, semanticWeight, lexicalShare, semanticDepth, lexicalDepth, minSimilarity, n,
        feedbackWeight);
  }
}
