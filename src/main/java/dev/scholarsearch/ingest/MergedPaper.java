package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Identifier;
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
import java.util.function.ToIntFunction;

/** A paper being assembled: its listings, grouped by version, and the pages that list it. */
final class MergedPaper {
  final String id;
  final List<Listing> listings;
  final Listing primary;
  final List<PaperVersion> versions;
  final Set<Integer> pages;
  final List<Author> authors;
  /**
   * Every spelling the listings gave each author, the kept one first: a researcher lists them as
   * name variants. Null when each author has only the name shown, as on nearly every paper.
   */
  private final List<List<String>> spellings;

  private MergedPaper(String id, List<Listing> listings, Listing primary, List<PaperVersion> versions,
      Set<Integer> pages, Authors authors) {
    this.id = id;
    this.listings = listings;
    this.primary = primary;
    this.versions = versions;
    this.pages = pages;
    this.authors = authors.authors();
    this.spellings = authors.spellings();
  }

  static MergedPaper of(List<List<Listing>> parts, Set<Integer> pages) {
    return of(parts, pages, l -> l.abstractText().length());
  }

  /** The same, with each listing's abstract length from {@code abstractLength} (its abstract may wait on disk). */
  static MergedPaper of(List<List<Listing>> parts, Set<Integer> pages, ToIntFunction<Listing> abstractLength) {
    // The version listed most often is the paper; ties go to the longer abstract, then to source order.
    List<Listing> main = parts.get(0);
    for (List<Listing> part : parts) {
      if (part.size() > main.size()
          || (part.size() == main.size() && longestAbstract(part, abstractLength) > longestAbstract(main, abstractLength))) {
        main = part;
      }
    }
    Listing primary = main.stream().max(Comparator.comparingInt(abstractLength)).orElseThrow();
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
    // Nearly every paper is one listing with no other version: compact copies, not growable lists.
    return new MergedPaper(id, List.copyOf(all), primary, List.copyOf(versions), pages, unionAuthors(all));
  }

  /** What the researchers are resolved from. */
  Byline byline() {
    return new Byline(id, authors, spellings, pages);
  }

  private static int longestAbstract(List<Listing> part, ToIntFunction<Listing> abstractLength) {
    return part.stream().mapToInt(abstractLength).max().orElse(0);
  }

  /** The merged authors and each one's spellings. */
  private record Authors(List<Author> authors, List<List<String>> spellings) {}

  /**
   * Authors of every listing, starting from the fullest list so its order wins. Two listings' authors
   * are one person when they share an identifier, or when their names match and their identifiers
   * do not contradict each other (the OpenAlex and the Semantic Scholar record of one paper each
   * name its "Yang Yang", with an id of its own kind). Within one listing, two namesakes with
   * identifiers (two Wei Wangs on one paper) stay two.
   */
  private static Authors unionAuthors(List<Listing> all) {
    List<Listing> byLength = new ArrayList<>(all);
    byLength.sort(Comparator.comparingInt((Listing l) -> l.authors().size()).reversed());
    List<Author> out = new ArrayList<>();
    List<Integer> fromListing = new ArrayList<>();
    List<String> outKeys = new ArrayList<>();
    List<List<String>> spellings = new ArrayList<>();
    Map<Identifier, Integer> byId = new java.util.HashMap<>();
    Map<String, List<Integer>> byName = new java.util.HashMap<>();
    for (int l = 0; l < byLength.size(); l++) {
      for (Author a : byLength.get(l).authors()) {
        String key = TextKeys.nameKey(a.name());
        if (key.isEmpty()) {
          continue;
        }
        int same = a.ids().stream().map(byId::get).filter(java.util.Objects::nonNull).findFirst().orElse(-1);
        if (same < 0) {
          for (int i : byName.getOrDefault(key, List.of())) {
            Author o = out.get(i);
            boolean bothIdentified = o.identified() && a.identified();
            if (bothIdentified ? fromListing.get(i) != l && !contradict(o, a) : true) {
              same = i;
              break;
            }
          }
        }
        if (same < 0) {
          // "J. Smith" in one source and "John Smith" in another, on one paper, are one author.
          for (int i = 0; l > 0 && i < out.size() && same < 0; i++) {
            if (fromListing.get(i) != l && !contradict(out.get(i), a)
                && TextKeys.compatibleNames(outKeys.get(i), key)) {
              same = i;
            }
          }
        }
        if (same < 0) {
          same = out.size();
          out.add(a);
          outKeys.add(key);
          spellings.add(new ArrayList<>(List.of(a.name())));
          fromListing.add(l);
          byName.computeIfAbsent(key, k -> new ArrayList<>()).add(same);
        } else if (!spellings.get(same).contains(a.name())) {
          spellings.get(same).add(a.name());
        }
        if (!out.get(same).ids().containsAll(a.ids())) {
          List<Identifier> ids = new ArrayList<>(out.get(same).ids());
          ids.addAll(a.ids());
          out.set(same, new Author(out.get(same).name(), ids));
        }
        for (Identifier id : a.ids()) {
          byId.putIfAbsent(id, same);
        }
      }
    }
    if (all.size() == 1 && sameAuthors(out, all.get(0).authors()) && spellings.stream().allMatch(sp -> sp.size() == 1)) {
      // One listing whose authors stayed as they were: keep its list rather than hold a copy a paper.
      return new Authors(all.get(0).authors(), null);
    }
    return new Authors(List.copyOf(out), spellings.stream().map(List::copyOf).toList());
  }

  private static boolean sameAuthors(List<Author> merged, List<Author> listed) {
    if (merged.size() != listed.size()) {
      return false;
    }
    for (int i = 0; i < merged.size(); i++) {
      if (merged.get(i) != listed.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether two authors have ids of one kind and none in common: then they are two people. */
  private static boolean contradict(Author a, Author b) {
    for (Identifier x : a.ids()) {
      boolean sameKind = b.ids().stream().anyMatch(y -> y.kind() == x.kind());
      boolean shared = b.ids().stream().anyMatch(y -> y.kind() == x.kind() && a.ids().contains(y));
      if (sameKind && !shared) {
        return true;
      }
    }
    return false;
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
    Set<Identifier> ids = new java.util.TreeSet<>();
    Map<String, String> keywords = new LinkedHashMap<>();
    for (Listing l : listings) {
      sources.add(l.source());
      ids.addAll(l.ids());
      l.keywords().forEach(k -> keywords.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), k));
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
        year, date, List.copyOf(categories), venue, type, hasCode, score, url, affiliation, sources, versions,
        List.copyOf(ids), List.copyOf(keywords.values()));
  }
}
