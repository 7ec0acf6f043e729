package dev.scholarsearch.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A paper after merging every listing of it.
 *
 * @param id stable across runs: the source's own id when it gave one, else derived from the title
 * @param authors the union of the authors over all listings, resolved to researcher ids
 * @param year publication year, or 0 when unknown
 * @param date full date when known, else null
 * @param sources every listing the paper was merged from (page items and JSONL lines)
 * @param versions other versions merged in (near-identical title or abstract)
 * @param ids identifiers from every listing: DOI, arXiv, OpenAlex, Semantic Scholar
 * @param keywords the listings' keywords (BibTeX, RIS), first spelling of each
 */
public record Paper(
    String id,
    String title,
    String rawTitle,
    String abstractText,
    String rawAbstract,
    List<Authorship> authors,
    int year,
    LocalDate date,
    List<String> categories,
    String venue,
    String type,
    boolean hasCode,
    Double score,
    String url,
    String affiliation,
    List<String> sources,
    List<PaperVersion> versions,
    List<Identifier> ids,
    List<String> keywords) {

  public Paper {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    rawTitle = Objects.requireNonNullElse(rawTitle, title);
    abstractText = Objects.requireNonNullElse(abstractText, "");
    rawAbstract = Objects.requireNonNullElse(rawAbstract, abstractText);
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    venue = Objects.requireNonNullElse(venue, "");
    type = Objects.requireNonNullElse(type, "");
    url = Objects.requireNonNullElse(url, "");
    affiliation = Objects.requireNonNullElse(affiliation, "");
    sources = List.copyOf(sources);
    versions = List.copyOf(versions);
    ids = ids == null ? List.of() : ids.stream().distinct().sorted().toList(); // null: a record stored before ids
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  /** A paper no source gave identifiers or keywords for. */
  public Paper(String id, String title, String rawTitle, String abstractText, String rawAbstract,
      List<Authorship> authors, int year, LocalDate date, List<String> categories, String venue, String type,
      boolean hasCode, Double score, String url, String affiliation, List<String> sources, List<PaperVersion> versions) {
    this(id, title, rawTitle, abstractText, rawAbstract, authors, year, date, categories, venue, type, hasCode, score,
        url, affiliation, sources, versions, List.of(), List.of());
  }

  /**
   * The day this paper sorts by in date order: its date, else 1 January of its year (so that on
   * "newest first" a paper known only by year comes after the dated papers of that year), else
   * Long.MIN_VALUE.
   */
  public long sortDay() {
    if (date != null) {
      return date.toEpochDay();
    }
    return year > 0 ? LocalDate.of(year, 1, 1).toEpochDay() : Long.MIN_VALUE;
  }

  /** The same paper with these abstracts. */
  public Paper withAbstract(String abstractText, String rawAbstract) {
    return new Paper(id, title, rawTitle, abstractText, rawAbstract, authors, year, date, categories, venue, type,
        hasCode, score, url, affiliation, sources, versions, ids, keywords);
  }

  /** The same paper with these authors. */
  public Paper withAuthors(List<Authorship> authors) {
    return new Paper(id, title, rawTitle, abstractText, rawAbstract, authors, year, date, categories, venue, type,
        hasCode, score, url, affiliation, sources, versions, ids, keywords);
  }

  /** Author names in order. */
  public List<String> authorNames() {
    return authors.stream().map(Authorship::name).toList();
  }

  /** The year as responses show it: null when the input gave none (stored as 0, which sorts first). */
  public Integer knownYear() {
    return year > 0 ? year : null;
  }
}
