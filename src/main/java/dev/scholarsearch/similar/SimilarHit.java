package dev.scholarsearch.similar;

import java.util.List;

/**
 * A paper similar to the query paper or text.
 *
 * @param sharedTerms the query's most telling words that this paper also uses, best first
 * @param reason a one-line explanation for people
 */
public record SimilarHit(String id, String title, List<String> authors, List<String> authorIds, int year,
    List<String> categories, float score, List<String> sharedTerms, String reason) {
  public SimilarHit {
    authors = List.copyOf(authors);
    authorIds = List.copyOf(authorIds);
    categories = List.copyOf(categories);
    sharedTerms = List.copyOf(sharedTerms);
  }
}
