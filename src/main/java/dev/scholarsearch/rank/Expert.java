package dev.scholarsearch.rank;

import java.util.List;

/**
 * A researcher ranked for a topic.
 *
 * @param paperCount all papers of the researcher in the index
 * @param matchingPapers how many of them were among the papers that voted
 * @param evidence the best of those papers, best first
 */
public record Expert(String id, String name, double score, boolean hasProfile, int paperCount, int matchingPapers,
    List<Evidence> evidence) {
  public Expert {
    evidence = List.copyOf(evidence);
  }

  /** A paper that earned a researcher their rank. */
  public record Evidence(String id, String title, float score) {}
}
