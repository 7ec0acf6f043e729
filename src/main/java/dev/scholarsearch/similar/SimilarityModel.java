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

  /** A copy with {@code name} set to {@code value}; names as in {@code eval --set}. */
  public SimilarityModel with(String name, String value) {
    int mtf = minTermFreq;
    int mdf = minDocFreq;
    int maxDf = maxDocFreqPercent;
    int terms = maxQueryTerms;
    float title = titleBoost;
    float cat = categoryBoost;
    float co = coauthorBoost;
    boolean qtf = weighByQueryCount;
    int fbDocs = feedbackDocs;
    int fbTerms = feedbackTerms;
    float fbW = originalWeight;
    switch (name) {
      case "mltMinTf" -> mtf = Integer.parseInt(value);
      case "mltMinDf" -> mdf = Integer.parseInt(value);
      case "mltMaxDfPct" -> maxDf = Integer.parseInt(value);
      case "mltTerms" -> terms = Integer.parseInt(value);
      case "mltTitle" -> title = Float.parseFloat(value);
      case "mltCategory" -> cat = Float.parseFloat(value);
      case "mltCoauthor" -> co = Float.parseFloat(value);
      case "mltQtf" -> qtf = Boolean.parseBoolean(value);
      case "mltFbDocs" -> fbDocs = Integer.parseInt(value);
      case "mltFbTerms" -> fbTerms = Integer.parseInt(value);
      case "mltFbWeight" -> fbW = Float.parseFloat(value);
      default -> throw new IllegalArgumentException("unknown similar-paper setting '" + name + "'");
    }
    return new SimilarityModel(mtf, mdf, maxDf, terms, title, cat, co, qtf, fbDocs, fbTerms, fbW);
  }
}
