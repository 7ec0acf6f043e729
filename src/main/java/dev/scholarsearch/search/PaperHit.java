package dev.scholarsearch.search;

import dev.scholarsearch.model.AuthorLink;
import java.time.LocalDate;
import java.util.List;

/**
 * One search result.
 *
 * @param year null when the input gave none
 * @param snippet the best passage of the abstract, HTML-escaped, with query terms in {@code <mark>}
 * @param explanation the score explanation when asked for (both sides of a fused score), else null
 * @param matchedBy why the paper is a hit: "lexical" (its words), "semantic" (its meaning) or "both"
 * @param similarity cosine similarity of the paper's embedding to the query's, when it was among
 *     the nearest papers; null otherwise
 */
public record PaperHit(
    String id,
    String title,
    List<AuthorLink> authors,
    Integer year,
    LocalDate date,
    List<String> categories,
    String venue,
    String type,
    boolean hasCode,
    float score,
    String snippet,
    String explanation,
    String matchedBy,
    Float similarity) {
  public PaperHit {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
  }
}
