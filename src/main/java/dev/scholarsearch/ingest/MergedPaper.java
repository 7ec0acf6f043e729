package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.PaperVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A paper being assembled: its listings, grouped by version, and the pages that list it. */
final class MergedPaper {
  final String id;
  final List<Listing> listings;
  final Listing primary;
  final List<PaperVersion> versions;
  final Set<Integer> pages;
  final List<String> authorNames;

  private MergedPaper(String id, List<Listing> listings, Listing primary, List<PaperVersion> versions,
      Set<Integer> pages, List<String> authorNames) {
    this.id = id;
    this.listings = listings;
    this.primary = primary;
    this.versions = versions;
    this.pages = pages;
    this.authorNames = authorNames;
  }

  static MergedPaper of(List<List<Listing>> parts, Set<Integer> pages) {
    // The version listed most often is the paper; ties go to the longer abstract, then to source order.
    List<Listing> main = parts.get(0);
    for (List<Listing> part : parts) {
      if (part.size() > main.size() || (part.size() == main.size() && longestAbstract(part) > longestAbstract(main))) {
        main = part;
      }
    }
    Listing primary = main.stream().max(Comparator.comparingInt((Listing l) -> l.abstractText().length())).orElseThrow();
    List<Listing> all = new ArrayList<>();
    List<PaperVersion> versions = new ArrayList<>();
    for (List<Listing> part : parts) {
      all.addAll(part);
      if (part != main) {
        Listing v = part.get(0);
        versions.add(new PaperVersion(v.title(), v.source(), v.year()));
      }
    }
    String externalId = all.stream().map(Listing::externalId).filter(s -> !s.isEmpty()).findFirst().orElse("");
    // The id comes from the title listed most often, so a stray variant (a second version, a garbled
    // copy) merged into the paper does not change the id the paper already had.
    String id = externalId.isEmpty() ? "p-" + TextKeys.hash(TextKeys.normalize(main.get(0).title()), 12) : externalId;
    return new MergedPaper(id, all, primary, versions, pages, unionAuthors(all));
  }

  private static int longestAbstract(List<Listing> part) {
    return part.stream().mapToInt(l -> l.abstractText().length()).max().orElse(0);
  }

  /** Authors of every listing, by normalised name, starting from the fullest list so its order wins. */
  private static List<String> unionAuthors(List<Listing> all) {
    List<Listing> byLength = new ArrayList<>(all);
    byLength.sort(Comparator.comparingInt((Listing l) -> l.authors().size()).reversed());
    Map<String, String> out = new LinkedHashMap<>();
    for (Listing l : byLength) {
      for (String a : l.authors()) {
        out.putIfAbsent(TextKeys.nameKey(a), a);
      }
    }
    out.remove("");
    return List.copyOf(out.values());
  }

  Paper toPaper(List<Authorship> authors) {
    LocalDate date = primary.date();
    int year = primary.year();
    Set<String> categories = new LinkedHashSet<>(primary.categories());
    String venue = primary.venue();
    String type = primary.type();
    String url = primary.url();
    String affiliation = primary.affiliation();
    boolean hasCode = false;
    Double score = primary.score();
    List<String> sources = new ArrayList<>();
    for (Listing l : listings) {
      sources.add(l.source());
      hasCode |= l.hasCode();
      categories.addAll(l.categories());
      if (date == null && l.date() != null && TextKeys.normalize(l.title()).equals(TextKeys.normalize(primary.title()))) {
        date = l.date();
      }
      year = year == 0 ? l.year() : year;
      venue = venue.isEmpty() ? l.venue() : venue;
      type = type.isEmpty() ? l.type() : type;
      url = url.isEmpty() ? l.url() : url;
      affiliation = affiliation.isEmpty() ? l.affiliation() : affiliation;
      score = score == null ? l.score() : score;
    }
    if (date != null) {
      year = date.getYear();
    }
    return new Paper(id, primary.title(), primary.rawTitle(), primary.abstractText(), primary.rawAbstract(), authors,
        year, date, List.copyOf(categories), venue, type, hasCode, score, url, affiliation, sources, versions);
  }
}
