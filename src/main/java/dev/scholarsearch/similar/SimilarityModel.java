package dev.scholarsearch.similar;

/**
 * The knobs of the similar-paper query: how MoreLikeThis picks terms from the query paper.
 *
 * @param minTermFreq a term must occur this often in the query text
 * @param minDocFreq ... and in at least this many papers (1 keeps rare but telling words)
 * @param maxDocFreqPercent ... and in at most this share of papers (drops words every paper uses)
 * @param maxQueryTerms how many terms the query keeps
 */
public record SimilarityModel(int minTermFreq, int minDocFreq, int maxDocFreqPercent, int maxQueryTerms) {
  public static final SimilarityModel DEFAULT = new SimilarityModel(1, 1, 30, 25);
}
