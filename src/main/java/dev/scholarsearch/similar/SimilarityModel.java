package dev.scholarsearch.similar;

/**
 * The knobs of the similar-paper query: how MoreLikeThis picks terms from the query paper, and
 * what else besides shared words counts.
 *
 * @param minTermFreq a term must occur this often in the query text
 * @param minDocFreq ... and in at least this many papers (1 keeps rare but telling words)
 * @param maxDocFreqPercent ... and in at most this share of papers (drops words every paper uses)
 * @param maxQueryTerms how many terms the query keeps
 * @param titleBoost bonus weight of title matches on top of the combined title+abstract field
 * @param categoryBoost weight of sharing a category with the query paper (0 = off)
 * @param coauthorBoost weight of sharing an author with the query paper (0 = off)
 * @param weighByQueryCount weigh the chosen terms by how often the query text uses them, instead of
 *     by MoreLikeThis's tf-idf score
 * @param feedbackDocs RM3 feedback from this many first-pass neighbours (0 = off)
 * @param feedbackTerms expansion terms taken from them
 * @param originalWeight the MoreLikeThis terms' share against the expansion terms
 */
public record SimilarityModel(int minTermFreq, int minDocFreq, int maxDocFreqPercent, int maxQueryTerms,
    float titleBoost, float categoryBoost, float coauthorBoost, boolean weighByQueryCount, int feedbackDocs,
    int feedbackTerms, float originalWeight) {
  public static final SimilarityModel DEFAULT = new SimilarityModel(1, 1, 30, 50, 0.5f, 0f, 0f, true, 5, 30, 0.5f);

  public SimilarityModel {
    if (minTermFreq < 1 || minDocFreq < 1 || maxDocFreqPercent < 1 || maxDocFreqPercent > 100 || maxQueryTerms < 1
        || titleBoost < 0 || categoryBoost < 0 || coauthorBoost < 0 || feedbackDocs < 0 || feedbackTerms < 1
        || !(originalWeight > 0 && originalWeight <= 1)) {
      throw new IllegalArgumentException("need minTermFreq, minDocFreq, maxQueryTerms and feedbackTerms >= 1, "
          + "1 <= maxDocFreqPercent <= 100, boosts and feedbackDocs >= 0 and 0 < originalWeight <= 1");
    }
  }
}
