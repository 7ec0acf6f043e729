package dev.scholarsearch.model;

import java.util.List;
import java.util.Objects;

/**
 * An author as a source names them: the printed name and whatever identifiers the source gives
 * (ORCID, OpenAlex or Semantic Scholar author id, our JSONL's {@code id}); none for profile pages.
 */
public record Author(String name, List<Identifier> ids) {
  public Author {
    Objects.requireNonNull(name, "name");
    ids = ids == null ? List.of() : ids.stream().distinct().sorted().toList();
  }

  /** Authors known by name only. */
  public static List<Author> named(List<String> names) {
    return names.stream().map(n -> new Author(n, List.of())).toList();
  }

  public boolean identified() {
    return !ids.isEmpty();
  }
}
