package dev.scholarsearch.search;

import java.util.List;

/** Type-ahead suggestions, as the API asks for them. */
public interface TypeAhead {
  List<Suggestion> suggest(String prefix, int limit);
}
