package dev.scholarsearch.rank;

import java.util.List;

/**
 * A researcher ranked for a topic.
 *
 * @param paperCount all papers of the researcher in the index
 * @param matchingPapers how many of them match the topic: they contain its words, or are close to
 *     it in meaning (a cosine similarity of at least the hybrid floor, 0.3 by default)
 * @param evidence the best of the papers that voted for them, best first
 */
public record Expert(String id, String name, double score, boolean hasProfile, int paperCount, int matchingPapers,
    List<Evidence> evidence) {
  public Expert {
    evidence = List.copyOf(evidence);
  }

  /**
   * A paper that earned a researcher their rank, and why it counts.
   *
   * @param matches whether it matches the topic (see {@link Expert#matchingPapers()}); a paper that
   *     does not still voted, as one of the nearest by meaning, but weakly
   * @param matchedWords the topic's words it contains, as the topic spells them, when it was found
   *     by its words (empty for a paper found by meaning alone)
   * @param similarity its cosine similarity to the topic, when it was among the nearest; else null
   */
  public record Evidence(String id, String title, float score, boolean matches, List<String> matchedWords,
      Float similarity) {
    public Evidence {
      matchedWords = List.copyOf(matchedWords);
    }
  }
}
