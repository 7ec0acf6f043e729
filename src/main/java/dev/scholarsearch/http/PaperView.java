package dev.scholarsearch.http;

import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.PaperVersion;
import java.time.LocalDate;
import java.util.List;

/**
 * A paper as the API shows it: the abstract clean and raw, authors linked to researchers, and its
 * identifiers (DOI, arXiv, OpenAlex, Semantic Scholar) each with its page.
 */
record PaperView(String id, String title, String rawTitle, String abstractText, String rawAbstract, List<Author> authors,
    int year, LocalDate date, List<String> categories, String venue, String type, boolean hasCode, Double score,
    String url, String affiliation, List<String> sources, List<PaperVersion> versions, List<Identifier.Link> ids,
    List<String> keywords) {

  /** An author and where their researcher profile is. */
  record Author(String name, String id, String href) {}

  static PaperView of(Paper p) {
    List<Author> authors = p.authors().stream()
        .map(a -> new Author(a.name(), a.researcherId(), "/api/researchers/" + a.researcherId())).toList();
    return new PaperView(p.id(), p.title(), p.rawTitle(), p.abstractText(), p.rawAbstract(), authors, p.year(), p.date(),
        p.categories(), p.venue(), p.type(), p.hasCode(), p.score(), p.url(), p.affiliation(), p.sources(), p.versions(),
        p.ids().stream().map(i -> i.link(false)).toList(), p.keywords());
  }
}
