package dev.scholarsearch.model;

import java.util.List;
import java.util.Objects;

/**
 * A parsed researcher profile page.
 *
 * @param source the file name the page was read from
 * @param layout which of the two layouts it had
 * @param name the profile owner's name
 * @param tagline the one-line description under the name, or ""
 * @param stats the statistics block
 * @param listings the papers listed on the page, in page order
 * @param warnings things that looked wrong but did not stop the parse (a count mismatch, say)
 * @param ids the owner's identifiers the page shows (an ORCID link), else empty
 */
public record ProfilePage(
    String source,
    PageLayout layout,
    String name,
    String tagline,
    ProfileStats stats,
    List<Listing> listings,
    List<String> warnings,
    List<Identifier> ids) {

  public ProfilePage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stats, "stats");
    tagline = Objects.requireNonNullElse(tagline, "");
    listings = List.copyOf(listings);
    warnings = List.copyOf(warnings);
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  /** A page that shows no identifier of its owner. */
  public ProfilePage(String source, PageLayout layout, String name, String tagline, ProfileStats stats,
      List<Listing> listings, List<String> warnings) {
    this(source, layout, name, tagline, stats, listings, warnings, List.of());
  }

  /** This page with other warnings. */
  public ProfilePage withWarnings(List<String> w) {
    return new ProfilePage(source, layout, name, tagline, stats, listings, w, ids);
  }

  /** This page with the owner's identifiers. */
  public ProfilePage withIds(List<Identifier> i) {
    return new ProfilePage(source, layout, name, tagline, stats, listings, warnings, i);
  }
}
