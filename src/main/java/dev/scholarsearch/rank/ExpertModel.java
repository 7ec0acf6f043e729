package dev.scholarsearch.rank;

/**
 * How paper scores become researcher scores: document-centred voting over the top papers
 * (Macdonald &amp; Ounis), with a volume normalisation so prolific authors do not win on volume alone.
 *
 * @param topPapers how many of the best-matching papers vote
 * @param aggregation how one researcher's votes combine
 * @param volumeExponent score is divided by paperCount^volumeExponent (0 = no normalisation)
 */
public record ExpertModel(int topPapers, Aggregation aggregation, double volumeExponent) {
  /** CombSUM of raw scores over the top 100: the plain baseline. */
  public static final ExpertModel BASELINE = new ExpertModel(100, Aggregation.COMB_SUM, 0);
  public static final ExpertModel DEFAULT = new ExpertModel(100, Aggregation.EXP_COMB_MNZ, 0.25);

  /** Vote combination functions from the data-fusion literature. */
  public enum Aggregation {
    /** Sum of the paper scores. */
    COMB_SUM,
    /** Sum of exp(normalised score), times the number of votes: rewards many strong matches. */
    EXP_COMB_MNZ,
    /** Best paper score only. */
    COMB_MAX
  }
}
