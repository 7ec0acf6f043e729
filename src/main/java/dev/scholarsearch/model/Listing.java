package dev.scholarsearch.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One paper as one source lists it: an item on a profile page or a line of a JSONL file.
 * Listings of the same paper from several sources are merged into one {@link Paper}.
 *
 * @param source where it came from, e.g. {@code 001_x.txt#3} or {@code corpus.jsonl:12}
 * @param externalId the id the source gave the paper, or "" (profile pages give none)
 * @param title the title with LaTeX cleaned
 * @param rawTitle the title exactly as found
 * @param abstractText the abstract with LaTeX cleaned, or ""
 * @param rawAbstract the abstract exactly as found, or ""
 * @param authors authors in source order, the page owner included, with the ids the source gives
 * @param authorsTruncated whether the source cut the author list short ("et al.")
 * @param affiliation the affiliation after "·" on layout-B author lines, or ""
 * @param year the publication year, or 0 when unknown
 * @param date the full date when the source gives day and month, else null
 * @param categories arXiv-style category codes, e.g. {@code CL} or {@code cs.CL}
 * @param venue e.g. {@code arXiv}, or ""
 * @param type e.g. {@code preprint}, or ""
 * @param hasCode whether the source flags published code
 * @param score the site score shown before the category on layout-B items, or null
 * @param url a link given by the source, or ""
 * @param ids the paper's identifiers (DOI, arXiv, OpenAlex, Semantic Scholar) the source gives
 * @param keywords the source's keywords (BibTeX, RIS), as written
 */
public record Listing(
    String source,
    String externalId,
    String title,
    String rawTitle,
    String abstractText,
    String rawAbstract,
    List<Author> authors,
    boolean authorsTruncated,
    String affiliation,
    int year,
    LocalDate date,
    List<String> categories,
    String venue,
    String type,
    boolean hasCode,
    Double score,
    String url,
    List<Identifier> ids,
    List<String> keywords) {

  public Listing {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    externalId = Objects.requireNonNullElse(externalId, "");
    rawTitle = Objects.requireNonNullElse(rawTitle, title);
    abstractText = Objects.requireNonNullElse(abstractText, "");
    rawAbstract = Objects.requireNonNullElse(rawAbstract, abstractText);
    authors = List.copyOf(authors);
    affiliation = Objects.requireNonNullElse(affiliation, "");
    categories = CategoryCode.canonical(categories);
    venue = Objects.requireNonNullElse(venue, "");
    type = Objects.requireNonNullElse(type, "");
    url = Objects.requireNonNullElse(url, "");
    ids = ids == null ? List.of() : ids.stream().distinct().sorted().toList();
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    if (date != null && year == 0) {
      year = date.getYear();
    }
  }

  /** Author names in source order. */
  public List<String> authorNames() {
    return authors.stream().map(Author::name).toList();
  }
}
