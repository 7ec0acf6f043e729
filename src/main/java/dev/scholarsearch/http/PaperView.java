package dev.scholarsearch.http;

import dev.scholarsearch.model.AuthorLink;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.PaperVersion;
import java.time.LocalDate;
import java.util.List;

/**
 * A paper as the API shows it: the abstract clean and raw, authors linked to researchers, and its
 * identifiers (DOI, arXiv, OpenAlex, Semantic Scholar) each with its page.
 */
record PaperView(String id, String title, String rawTitle, String abstractText, String rawAbstract, List<AuthorLink> authors,
    Integer year, LocalDate date, List<String> categories, String venue, String type, boolean hasCode, Double score,
    String url, String affiliation, List<String> sources, List<Version> versions, List<Identifier.Link> ids,
    List<String> keywords) {

  /** A version merged into the paper; its year null when the input gave none. */
  record Version(String title, String source, Integer year) {
    static Version of(PaperVersion v) {
      return new Version(v.title(), v.source(), v.year() > 0 ? v.year() : null);
    }
  }

  static PaperView of(Paper p) {
    return new PaperView(p.id(), p.title(), p.rawTitle(), p.abstractText(), p.rawAbstract(), AuthorLink.of(p.authors()),
        p.knownYear(), p.date(),
        p.categories(), p.venue(), p.type(), p.hasCode(), p.score(), p.url(), p.affiliation(), p.sources(), p.versions().stream().map(Version::of).toList(),
        p.ids().stream().map(i -> i.link(false)).toList(), p.keywords());
  }
}
