package dev.scholarsearch.similar;

import java.util.List;

/**
 * A paper similar to the query paper or text.
 *
 * @param sharedTerms the query's most telling words that this paper also uses, best first
 * @param reason a one-line explanation for people
 * @param matchedBy "lexical" (shared words), "semantic" (close embeddings) or "both"
 * @param similarity cosine similarity of the two papers' embeddings, when among the nearest; else null
 */
public record SimilarHit(String id, String title, List<String> authors, List<String> authorIds, int year,
    List<String> categories, float score, List<String> sharedTerms, String reason, String matchedBy, Float similarity) {
  public SimilarHit {
    authors = List.copyOf(authors);
    authorIds = List.copyOf(authorIds);
    categories = List.copyOf(categories);
    sharedTerms = List.copyOf(sharedTerms);
  }
}
