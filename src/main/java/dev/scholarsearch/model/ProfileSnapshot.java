package dev.scholarsearch.model;

import java.util.Objects;

/** What one profile page said about a researcher: kept per page, so merged researchers keep every page's stats. */
public record ProfileSnapshot(String source, PageLayout layout, String name, String tagline, ProfileStats stats) {
  public ProfileSnapshot {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(stats, "stats");
    tagline = Objects.requireNonNullElse(tagline, "");
  }
}
