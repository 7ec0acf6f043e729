package dev.scholarsearch.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One search result.
 *
 * @param snippet the best passage of the abstract, HTML-escaped, with query terms in {@code <mark>}
 * @param explanation Lucene's score explanation when asked for, else null
 */
public record PaperHit(
    String id,
    String title,
    List<String> authors,
    List<String> authorIds,
    int year,
    LocalDate date,
    List<String> categories,
    String venue,
    String type,
    boolean hasCode,
    float score,
    String snippet,
    String explanation) {
  public PaperHit {
    authors = List.copyOf(authors);
    authorIds = List.copyOf(authorIds);
    categories = List.copyOf(categories);
  }
}
