package dev.scholarsearch.model;

import java.util.Objects;

/** Another version of a paper that was merged into it: a near-identical title or abstract. */
public record PaperVersion(String title, String source, int year) {
  public PaperVersion {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
  }
}
