package dev.scholarsearch.search;

/**
 * The ranking knobs of keyword search, tuned on CACM (docs/EVALUATION.md).
 *
 * @param titleWeight bonus weight of title matches, on top of the combined title+abstract field (weight 1)
 * @param abstractWeight extra weight of abstract matches (usually 0: the combined field covers them)
 * @param proximityWeight boost of query word pairs that occur close together (0 = off)
 * @param proximitySlop how many positions apart a pair may be
 * @param feedbackDocs RM3 pseudo-relevance feedback: how many top papers to learn from (0 = off)
 * @param feedbackTerms how many expansion terms to add
 * @param originalWeight the original query's share against the expansion terms
 */
public record SearchTuning(float titleWeight, float abstractWeight, float proximityWeight, int proximitySlop,
    int feedbackDocs, int feedbackTerms, float originalWeight) {
  public static final SearchTuning DEFAULT = new SearchTuning(0.5f, 0f, 0.3f, 8, 0, 20, 0.7f);

  public SearchTuning {
    if (titleWeight < 0 || abstractWeight < 0 || proximityWeight < 0 || proximitySlop < 0 || feedbackDocs < 0
        || feedbackTerms < 1 || !(originalWeight > 0 && originalWeight <= 1)) {
      throw new IllegalArgumentException("need weights, slop and feedbackDocs >= 0, feedbackTerms >= 1 and"
          + " 0 < originalWeight <= 1");
    }
  }

  public UserQueryParser.FieldWeights weights() {
    return new UserQueryParser.FieldWeights(1f, titleWeight, abstractWeight);
  }
}
