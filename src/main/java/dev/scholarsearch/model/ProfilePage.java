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
 */
public record ProfilePage(
    String source,
    PageLayout layout,
    String name,
    String tagline,
    ProfileStats stats,
    List<Listing> listings,
    List<String> warnings) {

  public ProfilePage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stats, "stats");
    tagline = Objects.requireNonNullElse(tagline, "");
    listings = List.copyOf(listings);
    warnings = List.copyOf(warnings);
  }
}
