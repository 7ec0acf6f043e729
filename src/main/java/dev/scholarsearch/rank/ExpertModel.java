package dev.scholarsearch.rank;

/**
 * How paper scores become researcher scores: document-centred voting over the top papers
 * (Macdonald &amp; Ounis), with a volume normalisation so prolific authors do not win on volume alone.
 *
 * @param topPapers how many of the best-matching papers vote
 * @param aggregation how one researcher's votes combine
 * @param volumeExponent score is divided by paperCount^volumeExponent (0 = no normalisation)
 * @param restWeight for COMB_MAX: how much each further matching paper adds, as a share of its score
 */
public record ExpertModel(int topPapers, Aggregation aggregation, double volumeExponent, double restWeight) {
  public static final ExpertModel DEFAULT = new ExpertModel(100, Aggregation.COMB_MAX, 0, 0.1);

  public ExpertModel {
    if (topPapers < 1 || volumeExponent < 0 || restWeight < 0 || restWeight > 1) {
      throw new IllegalArgumentException("need topPapers >= 1, volumeExponent >= 0 and 0 <= restWeight <= 1");
    }
  }

  /** Vote combination functions from the data-fusion literature. */
  public enum Aggregation {
    /** Sum of the paper scores. */
    COMB_SUM,
    /** Sum of exp(normalised score), times the number of votes: rewards many strong matches. */
    EXP_COMB_MNZ,
    /** The best paper's score, plus a small share ({@code restWeight}) of the others': one strong paper beats many weak ones. */
    COMB_MAX
  }
}
