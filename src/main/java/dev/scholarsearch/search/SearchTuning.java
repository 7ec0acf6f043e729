package dev.scholarsearch.search;

/**
 * The ranking knobs of keyword search, tuned on CACM and SciFact (docs/EVALUATION.md).
 *
 * <p>The title and proximity bonuses are set for records of about {@code lengthReference} tokens,
 * and shrink for longer ones ({@link #forAverageLength}): in a 200-word abstract two query words
 * fall within a few positions of each other by chance far more often than in a 50-word record, and
 * the title's words come back in the abstract, which the combined field already counts.
 *
 * @param titleWeight bonus weight of title matches, on top of the combined title+abstract field (weight 1)
 * @param proximityWeight boost of query word pairs that occur close together (0 = off)
 * @param proximitySlop how many positions apart a pair may be
 * @param feedbackDocs RM3 pseudo-relevance feedback: how many top papers to learn from (0 = off)
 * @param feedbackTerms how many expansion terms to add
 * @param originalWeight the original query's share against the expansion terms
 * @param lengthReference the mean length (tokens of the combined title+abstract field) the
 *     bonuses are set for; 0 keeps them whatever the length
 */
public record SearchTuning(float titleWeight, float proximityWeight, int proximitySlop,
    int feedbackDocs, int feedbackTerms, float originalWeight, int lengthReference) {
  public static final SearchTuning DEFAULT = new SearchTuning(0.5f, 0.3f, 8, 0, 20, 0.7f, 40);

  public SearchTuning {
    if (titleWeight < 0 || proximityWeight < 0 || proximitySlop < 0 || feedbackDocs < 0
        || feedbackTerms < 1 || !(originalWeight > 0 && originalWeight <= 1) || lengthReference < 0) {
      throw new IllegalArgumentException("need weights, slop, feedbackDocs and lengthReference >= 0, feedbackTerms >= 1"
          + " and 0 < originalWeight <= 1");
    }
  }

  /**
   * The knobs for a collection whose records average {@code tokens} tokens: past the reference
   * length, the proximity bonus shrinks in proportion to the length, and the title bonus with its
   * square root (a title is a smaller share of a long record, but still its summary).
   */
  public SearchTuning forAverageLength(double tokens) {
    if (lengthReference == 0 || tokens <= lengthReference) {
      return this;
    }
    double scale = lengthReference / tokens;
    return new SearchTuning((float) (titleWeight * Math.sqrt(scale)), (float) (proximityWeight * scale),
        proximitySlop, feedbackDocs, feedbackTerms, originalWeight, lengthReference);
  }

  public UserQueryParser.FieldWeights weights() {
    return new UserQueryParser.FieldWeights(1f, titleWeight);
  }
}
