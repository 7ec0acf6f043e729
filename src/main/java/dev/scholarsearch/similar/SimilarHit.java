package dev.scholarsearch.similar;

import dev.scholarsearch.model.AuthorLink;
import java.util.List;

/**
 * A paper similar to the query paper or text.
 *
 * @param venue where it appeared, "" when the input did not say
 * @param sharedTerms the query's most telling words that this paper also uses, best first
 * @param reason a one-line explanation for people
 * @param matchedBy "lexical" (shared words), "semantic" (close embeddings) or "both"
 * @param similarity cosine similarity of the two papers' embeddings, when among the nearest; else null
 */
public record SimilarHit(String id, String title, List<AuthorLink> authors, Integer year, String venue,
    List<String> categories, float score, List<String> sharedTerms, String reason, String matchedBy, Float similarity) {
  public SimilarHit {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    sharedTerms = List.copyOf(sharedTerms);
  }
}
