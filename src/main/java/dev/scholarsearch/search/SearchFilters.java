package dev.scholarsearch.search;

import java.util.List;
import java.util.Objects;

/**
 * Filters shared by search, similar papers and researcher ranking. The same filter repeated
 * means OR (two categories: papers in either); different filters are ANDed.
 */
public record SearchFilters(
    List<String> authors,
    List<String> categories,
    List<String> venues,
    List<String> types,
    YearRange years,
    boolean hasCodeOnly) {

  public static final SearchFilters NONE = new SearchFilters(List.of(), List.of(), List.of(), List.of(), YearRange.ANY, false);

  public SearchFilters {
    authors = List.copyOf(authors);
    categories = dev.scholarsearch.model.CategoryCode.canonical(categories); // "LG" filters as "cs.LG"
    venues = List.copyOf(venues);
    types = List.copyOf(types);
    Objects.requireNonNull(years, "years");
  }

  public boolean isEmpty() {
    return authors.isEmpty() && categories.isEmpty() && venues.isEmpty() && types.isEmpty() && years.isAny() && !hasCodeOnly;
  }
}
