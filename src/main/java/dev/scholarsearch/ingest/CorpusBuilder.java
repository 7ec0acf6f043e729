package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.PaperVersion;
import dev.scholarsearch.model.ProfilePage;
import dev.scholarsearch.model.ProfileSnapshot;
import dev.scholarsearch.model.Researcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges listings into papers and page owners and authors into researchers.
 *
 * <ul>
 *   <li>Listings with the same source id (JSONL {@code id}) are one paper.
 *   <li>Page listings with the same normalised title are one paper; a page listing joins a JSONL
 *       paper when exactly one JSONL paper has its title.
 *   <li>Two page papers of the same owner whose titles (word Jaccard ≥ {@value #TITLE_SIMILARITY}) or
 *       abstracts (word-trigram Jaccard ≥ {@value #ABSTRACT_SIMILARITY}) are near-identical are
 *       versions of one paper.
 *   <li>Pages whose owners' names match and that share a paper describe one researcher; namesakes
 *       without a shared paper stay apart.
 * </ul>
 */
public final class CorpusBuilder {
  static final double TITLE_SIMILARITY = 0.75;
  static final double ABSTRACT_SIMILARITY = 0.5;

  private final List<ProfilePage> pages = new ArrayList<>();
  private final List<Listing> jsonl = new ArrayList<>();

  /** What the merge did, for the run summary. */
  public record Stats(int listings, int duplicatesMerged, int versionsMerged, int profilePages, int profilesMerged) {}

  /** The merged corpus, what the merge did, and merges worth a second look. */
  public record Result(Corpus corpus, Stats stats, List<IngestReport.Problem> warnings) {}

  public void addPage(ProfilePage page) {
    pages.add(page);
  }

  public void addListing(Listing listing) {
    jsonl.add(listing);
  }

  public Result build() {
    // A cluster is one future paper: its listings, and for page listings the index of their page.
    List<List<Listing>> clusters = new ArrayList<>();
    List<Set<Integer>> clusterPages = new ArrayList<>();
    Map<String, Integer> byExternalId = new HashMap<>();
    Map<String, List<Integer>> jsonlByTitle = new HashMap<>();
    List<IngestReport.Problem> warnings = new ArrayList<>();
    for (Listing l : jsonl) {
      Integer c = byExternalId.get(l.externalId());
      if (c != null) {
        Listing first = clusters.get(c).get(0);
        if (!TextKeys.normalize(first.title()).equals(TextKeys.normalize(l.title()))) {
          warnings.add(new IngestReport.Problem(l.source(), "id '" + l.externalId() + "' is already used by "
              + first.source() + " with another title; both were merged into one paper"));
        }
      }
      if (c == null) {
        c = clusters.size();
        clusters.add(new ArrayList<>());
        clusterPages.add(new TreeSet<>());
        byExternalId.put(l.externalId(), c);
        jsonlByTitle.computeIfAbsent(TextKeys.normalize(l.title()), k -> new ArrayList<>()).add(c);
      }
      clusters.get(c).add(l);
    }
    Map<String, Integer> byTitle = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      for (Listing l : pages.get(p).listings()) {
        String key = TextKeys.normalize(l.title());
        Integer c = byTitle.get(key);
        if (c == null) {
          List<Integer> jsonlMatches = jsonlByTitle.getOrDefault(key, List.of());
          c = jsonlMatches.size() == 1 ? jsonlMatches.get(0) : null;
        }
        if (c == null) {
          c = clusters.size();
          clusters.add(new ArrayList<>());
          clusterPages.add(new TreeSet<>());
        }
        byTitle.put(key, c);
        clusters.get(c).add(l);
        clusterPages.get(c).add(p);
      }
    }

    UnionFind versions = new UnionFind(clusters.size());
    mergeVersions(clusters, clusterPages, versions);
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int c = 0; c < clusters.size(); c++) {
      groups.computeIfAbsent(versions.find(c), k -> new ArrayList<>()).add(c);
    }

    List<MergedPaper> merged = new ArrayList<>();
    int versionsMerged = 0;
    for (List<Integer> group : groups.values()) {
      List<List<Listing>> parts = group.stream().map(clusters::get).toList();
      Set<Integer> pagesOf = new TreeSet<>();
      group.forEach(c -> pagesOf.addAll(clusterPages.get(c)));
      MergedPaper m = MergedPaper.of(parts, pagesOf);
      versionsMerged += m.versions.size();
      merged.add(m);
    }

    ResearcherResolver resolver = new ResearcherResolver(pages, merged);
    List<Researcher> researchers = resolver.researchers();
    List<Paper> papers = new ArrayList<>(merged.size());
    for (MergedPaper m : merged) {
      papers.add(m.toPaper(resolver.authorships(m)));
    }
    papers.sort(Comparator.comparing(Paper::id));
    int listings = jsonl.size() + pages.stream().mapToInt(pg -> pg.listings().size()).sum();
    Stats stats = new Stats(listings, listings - papers.size() - versionsMerged, versionsMerged, pages.size(),
        pages.size() - resolver.profileEntityCount());
    return new Result(new Corpus(papers, researchers), stats, warnings);
  }

  private void mergeVersions(List<List<Listing>> clusters, List<Set<Integer>> clusterPages, UnionFind uf) {
    Map<String, List<Integer>> byOwner = new HashMap<>();
    for (int c = 0; c < clusters.size(); c++) {
      Set<String> owners = new HashSet<>();
      for (int p : clusterPages.get(c)) {
        owners.add(TextKeys.nameKey(pages.get(p).name()));
      }
      for (String o : owners) {
        byOwner.computeIfAbsent(o, k -> new ArrayList<>()).add(c);
      }
    }
    for (List<Integer> own : byOwner.values()) {
      if (own.size() > 5_000) {
        continue; // pairwise comparison would be quadratic in a pathological page; titles still merge exactly
      }
      List<Set<String>> titles = own.stream().map(c -> TextKeys.words(clusters.get(c).get(0).title())).toList();
      List<Set<String>> abstracts = own.stream().map(c -> TextKeys.shingles(clusters.get(c).get(0).abstractText())).toList();
      for (int i = 0; i < own.size(); i++) {
        for (int j = i + 1; j < own.size(); j++) {
          boolean sameTitle = titles.get(i).size() >= 3 && TextKeys.jaccard(titles.get(i), titles.get(j)) >= TITLE_SIMILARITY;
          boolean sameAbstract = abstracts.get(i).size() >= 20
              && TextKeys.jaccard(abstracts.get(i), abstracts.get(j)) >= ABSTRACT_SIMILARITY;
          if (sameTitle || sameAbstract) {
            uf.union(own.get(i), own.get(j));
          }
        }
      }
    }
  }

  /** A paper being assembled: its listings, grouped by version, and the pages that list it. */
  static final class MergedPaper {
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

  /** Disjoint sets over 0..n-1, for merging clusters and pages. */
  static final class UnionFind {
    private final int[] parent;

    UnionFind(int n) {
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }

  /** Builds researchers from page owners and author names, then resolves every authorship to one of them. */
  private static final class ResearcherResolver {
    private final Map<String, List<Entity>> byKey = new HashMap<>();
    private final List<Entity> entities = new ArrayList<>();
    private final Map<MergedPaper, List<Entity>> resolved = new HashMap<>();
    private int profileEntities;

    private static final class Entity {
      final String nameKey;
      final List<ProfileSnapshot> profiles = new ArrayList<>();
      final Set<String> paperIds = new LinkedHashSet<>();
      final Map<String, Integer> spellings = new LinkedHashMap<>();
      String id;
      String profileName;

      Entity(String nameKey) {
        this.nameKey = nameKey;
      }

      String name() {
        if (profileName != null) {
          return profileName;
        }
        return spellings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(nameKey);
      }
    }

    ResearcherResolver(List<ProfilePage> pages, List<MergedPaper> papers) {
      Map<Integer, Set<String>> paperIdsOfPage = new HashMap<>();
      for (MergedPaper m : papers) {
        for (int p : m.pages) {
          paperIdsOfPage.computeIfAbsent(p, k -> new HashSet<>()).add(m.id);
        }
      }
      UnionFind same = new UnionFind(pages.size());
      Map<String, List<Integer>> pagesByKey = new HashMap<>();
      for (int p = 0; p < pages.size(); p++) {
        pagesByKey.computeIfAbsent(TextKeys.nameKey(pages.get(p).name()), k -> new ArrayList<>()).add(p);
      }
      for (List<Integer> namesakes : pagesByKey.values()) {
        for (int i = 0; i < namesakes.size(); i++) {
          for (int j = i + 1; j < namesakes.size(); j++) {
            Set<String> a = paperIdsOfPage.getOrDefault(namesakes.get(i), Set.of());
            Set<String> b = paperIdsOfPage.getOrDefault(namesakes.get(j), Set.of());
            if (a.stream().anyMatch(b::contains)) {
              same.union(namesakes.get(i), namesakes.get(j));
            }
          }
        }
      }
      Map<Integer, Entity> pageEntity = new HashMap<>();
      for (int p = 0; p < pages.size(); p++) {
        int root = same.find(p);
        ProfilePage page = pages.get(p);
        Entity e = pageEntity.get(root);
        if (e == null) {
          e = new Entity(TextKeys.nameKey(page.name()));
          e.profileName = page.name();
          pageEntity.put(root, e);
          entities.add(e);
          byKey.computeIfAbsent(e.nameKey, k -> new ArrayList<>()).add(e);
          profileEntities++;
        }
        e.profiles.add(new ProfileSnapshot(page.source(), page.layout(), page.name(), page.tagline(), page.stats()));
      }
      Map<Integer, Entity> entityOfPage = new HashMap<>();
      for (int p = 0; p < pages.size(); p++) {
        entityOfPage.put(p, pageEntity.get(same.find(p)));
      }

      for (MergedPaper m : papers) {
        Set<Entity> owners = new HashSet<>();
        m.pages.forEach(p -> owners.add(entityOfPage.get(p)));
        List<Entity> authors = new ArrayList<>();
        for (String name : m.authorNames) {
          Entity e = resolve(TextKeys.nameKey(name), owners);
          e.spellings.merge(name, 1, Integer::sum);
          e.paperIds.add(m.id);
          authors.add(e);
        }
        resolved.put(m, authors);
      }
      assignIds();
    }

    private Entity resolve(String key, Set<Entity> owners) {
      List<Entity> candidates = byKey.computeIfAbsent(key, k -> new ArrayList<>());
      for (Entity e : candidates) {
        if (owners.contains(e)) {
          return e;
        }
      }
      List<Entity> withProfile = candidates.stream().filter(e -> !e.profiles.isEmpty()).toList();
      if (withProfile.size() == 1) {
        return withProfile.get(0);
      }
      // No profile, or several namesakes with profiles and nothing to tell them apart: a name-only researcher.
      for (Entity e : candidates) {
        if (e.profiles.isEmpty()) {
          return e;
        }
      }
      Entity e = new Entity(key);
      candidates.add(e);
      entities.add(e);
      return e;
    }

    private void assignIds() {
      Set<String> used = new HashSet<>();
      entities.sort(Comparator.comparing((Entity e) -> e.nameKey)
          .thenComparing(e -> e.paperIds.stream().min(String::compareTo).orElse("")));
      for (Entity e : entities) {
        String slug = TextKeys.slug(e.nameKey);
        boolean asciiName = slug.equals(e.nameKey.replace(' ', '-'));
        boolean namesakes = byKey.getOrDefault(e.nameKey, List.of()).size() > 1;
        String id = asciiName && !namesakes ? slug
            : slug + "-" + TextKeys.hash(e.nameKey + "|" + e.paperIds.stream().min(String::compareTo).orElse(""), 6);
        while (!used.add(id)) {
          id = id + "-" + TextKeys.hash(id, 4);
        }
        e.id = id;
      }
    }

    List<Authorship> authorships(MergedPaper m) {
      List<Authorship> out = new ArrayList<>();
      List<Entity> es = resolved.get(m);
      for (int i = 0; i < es.size(); i++) {
        out.add(new Authorship(m.authorNames.get(i), es.get(i).id));
      }
      return out;
    }

    List<Researcher> researchers() {
      List<Researcher> out = new ArrayList<>();
      for (Entity e : entities) {
        out.add(new Researcher(e.id, e.name(), e.nameKey, e.profiles, List.copyOf(e.paperIds)));
      }
      out.sort(Comparator.comparing(Researcher::id));
      return out;
    }

    int profileEntityCount() {
      return profileEntities;
    }
  }
}
