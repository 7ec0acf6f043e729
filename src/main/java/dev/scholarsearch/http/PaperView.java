package dev.scholarsearch.http;

import dev.scholarsearch.model.AuthorLink;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.PaperVersion;
import dev.scholarsearch.model.Researcher;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paper as the API shows it: the abstract clean and raw, authors linked to researchers, and its
 * identifiers (DOI, arXiv, OpenAlex, Semantic Scholar) each with its page.
 */
record PaperView(String id, String title, String rawTitle, String abstractText, String rawAbstract, List<AuthorLink> authors,
    Integer year, LocalDate date, List<String> categories, String venue, String type, boolean hasCode, Double score,
    String url, String affiliation, List<Source> sources, List<Version> versions, List<Identifier.Link> ids,
    List<String> keywords) {

  /**
   * Where the paper was read, for people: "Siqi Zhu's profile page (trust-score layout), item 2"
   * or "arxiv.jsonl, line 1", with {@code ref} the machine form ({@code file#item}, {@code file:line})
   * and {@code researcher} the page's owner (null for a file of records).
   */
  record Source(String ref, String label, AuthorLink researcher) {
    private static final Pattern PAGE_ITEM = Pattern.compile("(.+)#(\\d+)");
    private static final Pattern FILE_LINE = Pattern.compile("(.+):(\\d+)");

    static Source of(String ref, Map<String, Researcher> owners) {
      Matcher item = PAGE_ITEM.matcher(ref);
      if (item.matches()) {
        Researcher owner = owners.get(item.group(1));
        if (owner != null) {
          String layout = owner.profiles().stream().filter(p -> p.source().equals(item.group(1))).findFirst()
              .map(p -> " (" + p.layout().description() + ")").orElse("");
          return new Source(ref, owner.name() + "'s profile page" + layout + ", item " + item.group(2),
              AuthorLink.of(new Authorship(owner.name(), owner.id())));
        }
        // A '#' also numbers the records of one JSON file (an OpenAlex API page).
        return item.group(1).endsWith(".txt") ? new Source(ref, "profile page " + item.group(1) + ", item " + item.group(2), null)
            : new Source(ref, item.group(1) + ", record " + item.group(2), null);
      }
      Matcher line = FILE_LINE.matcher(ref);
      return line.matches() ? new Source(ref, line.group(1) + ", line " + line.group(2), null) : new Source(ref, ref, null);
    }
  }

  /** A version merged into the paper; its year null when the input gave none. */
  record Version(String title, Source source, Integer year) {
    static Version of(PaperVersion v, Map<String, Researcher> pageOwners) {
      return new Version(v.title(), Source.of(v.source(), pageOwners), v.year() > 0 ? v.year() : null);
    }
  }

  static PaperView of(Paper p, Map<String, Researcher> pageOwners) {
    return new PaperView(p.id(), p.title(), p.rawTitle(), p.abstractText(), p.rawAbstract(), AuthorLink.of(p.authors()),
        p.knownYear(), p.date(),
        p.categories(), p.venue(), p.type(), p.hasCode(), p.score(), p.url(), p.affiliation(), p.sources().stream().map(s -> Source.of(s, pageOwners)).toList(), p.versions().stream().map(v -> Version.of(v, pageOwners)).toList(),
        p.ids().stream().map(i -> i.link(false)).toList(), p.keywords());
  }
}
